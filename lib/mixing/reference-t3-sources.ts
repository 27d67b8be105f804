/** The 13 Video-T3-QA files as the reference recipe reads them (in load order). */
import { join } from "node:path";
import { T3_FILES, t3IdPrefix } from "../records/t3-vocabulary";
import { type RecordSource, loadFileSource } from "./record-source";

/** Keys some composition of the released script writes (these files are kept in memory). */
export const WRITTEN_T3_KEYS: readonly string[] = [
  "tempqa_v2_order_long_1x",
  "tempqa_v2_attribute_long_1x",
  "temp_qa_refer_anchor_temp2any_train",
  "temp_qa_refer_begin_end_temp2any_train",
  "temp_qa_order_shuffle_phrase_train",
  "temp_qa_order_shuffle_prefix_train",
  "temp_qa_order_shuffle_sentence_train",
];

/**
 * Scans the 13 files (structure only; every record written is checked in full before it
 * is written). Written files stay in memory with their output bytes cached, since the
 * recipe writes each of their records into up to six files.
 */
export async function loadT3Sources(t3Dir: string): Promise<RecordSource[]> {
  const out: RecordSource[] = [];
  for (const f of T3_FILES) {
    const keep = WRITTEN_T3_KEYS.includes(f.key);
    out.push(
      await loadFileSource(f.key, join(t3Dir, f.file), "t3-pairs", {
        idPrefix: t3IdPrefix(f),
        keepBytes: keep,
        cacheEmitted: keep,
        validate: "structure",
      }),
    );
  }
  return out;
}
