/** The 13 Video-T3-QA files as the reference recipe reads them (in load order). */
import { join } from "node:path";
import { T3_FILES, t3IdPrefix } from "../records/t3-vocabulary";
import { type RecordSource, loadFileSource } from "./record-source";
import { WRITTEN_T3_KEYS } from "./reference-compositions";

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
