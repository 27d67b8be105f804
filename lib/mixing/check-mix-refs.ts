/**
 * The checks `mix run` makes on every record it writes; `mix plan` makes the same, so a
 * plan that says "ok" is one that `mix run` will write.
 */
import { checkLlavaRecord } from "./check-records";
import { ConcatSource } from "./concat-source";
import type { MixSpec } from "./mix-spec";
import type { RecordSource } from "./record-source";
import { refIndex, refSource } from "./write-mix-file";

/** Throws an InputError naming the file and record of the first bad record `refs` point at. */
export function checkMixRefs(
  refs: Float64Array,
  sources: readonly RecordSource[],
  checks: MixSpec["checks"],
): void {
  // A record drawn twice (repeats, replacement) is checked once.
  const seen = new Set<number>();
  for (let k = 0; k < refs.length; k++) {
    if (seen.has(refs[k])) continue;
    seen.add(refs[k]);
    const s = sources[refSource(refs[k])];
    const i = refIndex(refs[k]);
    const where = s instanceof ConcatSource ? s.where(i) : { file: s.file, record: i };
    checkLlavaRecord(s.record(i), where, checks.imageRoot, checks.imageTags);
  }
}
