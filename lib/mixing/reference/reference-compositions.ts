/**
 * What the released `t3_sft/data_creation.py` (llyx97/video-t3, HEAD c632e4b) mixes: its
 * six compositions of Video-T3-QA keys (and the LLaVA-NeXT list), and the short names it
 * gives them. The keys are those of the released files (lib/records/t3-vocabulary).
 */
import { T3_FILES } from "../../records/index";

/** The key of the LLaVA-NeXT image-instruction list in the released script. */
export const LLAVA_KEY = "llava_next";

const SHUF = [
  "temp_qa_order_shuffle_phrase_train",
  "temp_qa_order_shuffle_prefix_train",
  "temp_qa_order_shuffle_sentence_train",
];
const REFER = ["temp_qa_refer_anchor_temp2any_train", "temp_qa_refer_begin_end_temp2any_train"];

/** The six compositions at HEAD, in order (keys of the released script). */
export const REFERENCE_COMPOSITIONS: readonly (readonly string[])[] = [
  [...SHUF, ...REFER],
  [...SHUF, "tempqa_v2_order_long_1x"],
  [...SHUF, "tempqa_v2_attribute_long_1x"],
  [...SHUF, "tempqa_v2_order_long_1x", "tempqa_v2_attribute_long_1x"],
  [...SHUF, "tempqa_v2_order_long_1x", "tempqa_v2_attribute_long_1x", ...REFER],
  [LLAVA_KEY],
];

/** Keys some composition writes, in load order (these files are kept in memory). */
export const WRITTEN_T3_KEYS: readonly string[] = T3_FILES.map((f) => f.key).filter((key) =>
  REFERENCE_COMPOSITIONS.some((c) => c.includes(key)),
);

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
