/**
 * The 13 Video-T3-QA training files, in the order the released `data_creation.py` loads
 * them, with the key, aspect and version that make each record's id
 * (`tempqa-{aspect}-{version}{idx}`). Facts: ../shared/docs/reference-mix.md, "Inputs".
 */
export interface T3File {
  /** The key the released script files it under (`data[key]`). */
  key: string;
  aspect: string;
  version: string;
  /** File name inside the T3 folder. */
  file: string;
}

/** The 13 files, in load order. */
export const T3_FILES: readonly T3File[] = [
  {
    key: "tempqa_v2_order_long_1x",
    aspect: "order-long",
    version: "v2",
    file: "temp_qa_order_train_long.json",
  },
  {
    key: "tempqa_v2_attribute_long_1x",
    aspect: "attribute-long",
    version: "v2",
    file: "temp_qa_attribute_train_long.json",
  },
  {
    key: "tempqa_v2_order_long_2x",
    aspect: "order-2x",
    version: "v2-long",
    file: "temp_qa_order_train_long_2x_15k.json",
  },
  {
    key: "tempqa_v2_attribute_long_2x",
    aspect: "attribute-2x",
    version: "v2-long",
    file: "temp_qa_attribute_train_long_2x_15k.json",
  },
  {
    key: "tempqa_v2_order_long_4x",
    aspect: "order-4x",
    version: "v2-long",
    file: "temp_qa_order_train_long_4x_15k.json",
  },
  {
    key: "tempqa_v2_attribute_long_4x",
    aspect: "attribute-4x",
    version: "v2-long",
    file: "temp_qa_attribute_train_long_4x_15k.json",
  },
  {
    key: "tempqa_v2_attribute_long_8x",
    aspect: "attribute-8x",
    version: "v2-long",
    file: "temp_qa_attribute_train_long_8x_15k.json",
  },
  {
    key: "tempqa_v2_order_long_8x",
    aspect: "order-8x",
    version: "v2-long",
    file: "temp_qa_order_train_long_8x_15k.json",
  },
  {
    key: "temp_qa_refer_anchor_temp2any_train",
    aspect: "refer_anchor_temp2any",
    version: "v2",
    file: "temp_qa_refer_anchor_temp2any_train.json",
  },
  {
    key: "temp_qa_refer_begin_end_temp2any_train",
    aspect: "refer_begin_end_temp2any",
    version: "v2",
    file: "temp_qa_refer_begin_end_temp2any_train.json",
  },
  {
    key: "temp_qa_order_shuffle_phrase_train",
    aspect: "order_shuffle_phrase_fix",
    version: "v2",
    file: "temp_qa_order_shuffle_phrase_train.json",
  },
  {
    key: "temp_qa_order_shuffle_prefix_train",
    aspect: "order_shuffle_prefix_fix",
    version: "v2",
    file: "temp_qa_order_shuffle_prefix_train.json",
  },
  {
    key: "temp_qa_order_shuffle_sentence_train",
    aspect: "order_shuffle_sentence",
    version: "v2",
    file: "temp_qa_order_shuffle_sentence_train.json",
  },
];

/** The key of the LLaVA-NeXT image-instruction list in the released script. */
export const LLAVA_KEY = "llava_next";

/** The id prefix of a T3 file's records: `tempqa-{aspect}-{version}` (the index follows). */
export function t3IdPrefix(f: T3File): string {
  return `tempqa-${f.aspect}-${f.version}`;
}

/** The released script's short name for a composition: keys joined by "-", prefixes cut. */
export function compositionName(keys: readonly string[]): string {
  return keys
    .join("-")
    .split("tempqa_v2_")
    .join("")
    .split("temp_qa_")
    .join("")
    .split("_train")
    .join("");
}
