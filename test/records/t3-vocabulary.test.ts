import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { REFERENCE_COMPOSITIONS, WRITTEN_T3_KEYS } from "../../lib/mixing/index";
import {
  T3_FILES,
  T3_TASKS,
  isT3TrainingFile,
  t3FamilyAndLength,
  t3IdPrefix,
  t3TaskOfFile,
  trainFileName,
} from "../../lib/records/index";
import { runPythonJson } from "../oracle/run-python";

test("family and length from released file names and from mix id prefixes", () => {
  const cases: [string, string, number][] = [
    ["temp_qa_order_train_long", "order", 1],
    ["temp_qa_attribute_train_long_8x_15k", "attribute", 8],
    ["temp_qa_order_train_long_2x_15k", "order", 2],
    ["temp_qa_order_shuffle_phrase_train", "order_template", 1],
    ["temp_qa_refer_begin_end_temp2any_train", "referring", 1],
    ["tempqa-attribute-4x", "attribute", 4],
    ["tempqa-order-long", "order", 1],
    ["tempqa-order_shuffle_sentence", "order_template", 1],
  ];
  for (const [source, family, length] of cases) {
    assert.deepEqual(t3FamilyAndLength(source), { family, length }, source);
  }
  assert.equal(t3FamilyAndLength("ocr_vqa"), undefined);
});

test("hostile names are no T3 source", () => {
  for (const s of [
    "",
    "tempqa-",
    "temp_qa_",
    "temp_qa_order_train_long_x_15k",
    "tempqa-order-long\n",
    "temp_qa_注意_train",
    "tempqa-🎬",
  ]) {
    assert.equal(t3FamilyAndLength(s), undefined, JSON.stringify(s));
  }
  assert.equal(isT3TrainingFile("order_val_long.jsonl"), false);
  assert.equal(isT3TrainingFile("manifest.json"), false);
});

// The oracle: the Python recipe's own tables (test/oracle/reference_mix.py, written from the
// released data_creation.py), loaded by python3.
const oracle = runPythonJson<{ files: string[][]; compositions: string[][] }>(`
import importlib.util, json
spec = importlib.util.spec_from_file_location("r", ${JSON.stringify(join(__dirname, "..", "oracle", "reference_mix.py"))})
r = importlib.util.module_from_spec(spec); spec.loader.exec_module(r)
print(json.dumps({"files": [list(f) for f in r.T3_FILES], "compositions": r.COMPOSITIONS}))
`);

test("the 13 released files: keys, aspects, versions and names as the Python recipe has them", () => {
  assert.deepEqual(
    T3_FILES.map((f) => [f.key, f.aspect, f.version, f.file]),
    oracle.files,
  );
  for (const f of T3_FILES) {
    assert.equal(trainFileName(f.task, f.length), f.file);
    assert.deepEqual(t3TaskOfFile(f.file), { task: f.task, length: f.length });
    assert.ok(isT3TrainingFile(f.file), f.file);
    assert.deepEqual(
      t3FamilyAndLength(t3IdPrefix(f).replace(/-v2(-long)?$/, "")),
      t3FamilyAndLength(f.file),
    );
  }
});

test("the written keys follow from the compositions", () => {
  assert.deepEqual(REFERENCE_COMPOSITIONS, oracle.compositions);
  const used = new Set(oracle.compositions.flat());
  assert.deepEqual(
    WRITTEN_T3_KEYS,
    oracle.files.map((f) => f[0]).filter((k) => used.has(k)),
  );
});

test("every task's file name reads back to the task", () => {
  for (const t of T3_TASKS) {
    for (const length of t.scalesWithLength ? [1, 2, 4, 8, 16] : [1]) {
      assert.deepEqual(t3TaskOfFile(trainFileName(t.key, length)), { task: t.key, length });
    }
  }
});
