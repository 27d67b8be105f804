import assert from "node:assert/strict";
import { test } from "node:test";
import { t3FamilyAndLength } from "../../lib/tokens/t3-family-length";

test("family and length from released file names and from mix id prefixes", () => {
  const cases: [string, string, number][] = [
    ["temp_qa_order_train_long", "order", 1],
    ["temp_qa_attribute_train_long_8x_15k", "attribute", 8],
    ["temp_qa_order_train_long_2x_15k", "order", 2],
    ["temp_qa_order_shuffle_phrase_train", "order-template", 1],
    ["temp_qa_refer_begin_end_temp2any_train", "referring", 1],
    ["tempqa-attribute-4x", "attribute", 4],
    ["tempqa-order-long", "order", 1],
    ["tempqa-order_shuffle_sentence", "order-template", 1],
  ];
  for (const [source, family, length] of cases) {
    assert.deepEqual(t3FamilyAndLength(source), { family, length }, source);
  }
  assert.equal(t3FamilyAndLength("ocr_vqa"), undefined);
});
