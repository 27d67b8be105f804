/**
 * The checks `mix run` makes on every record it writes; `mix plan` makes the same, so a
 * plan that says "ok" is one that `mix run` will write.
 */
import { InputError, type InputLocation } from "../../errors/index";
import type { LlavaRecordFacts } from "../../records/index";
import { ConcatSource } from "../sources/concat-source";
import { refIndex, refSource } from "../sources/record-refs";
import type { RecordSource } from "../sources/record-source";
import type { MixSpec } from "../spec/mix-spec-types";
import { checkLlavaRecord, imageTagsProblem } from "./check-records";

/** Throws an InputError naming the file and record of the first bad record `refs` point at. */
export function checkMixRefs(
  refs: Float64Array,
  sources: readonly RecordSource[],
  checks: MixSpec["checks"],
): void {
  // A record drawn twice (repeats, replacement) is checked once. A flag per record of each
  // source: a Set of the refs took 0.25 s on 200k records.
  const seen = sources.map((s) => new Uint8Array(s.count));
  for (let k = 0; k < refs.length; k++) {
    const s = sources[refSource(refs[k])];
    const i = refIndex(refs[k]);
    const flags = seen[refSource(refs[k])];
    if (flags[i]) continue;
    flags[i] = 1;
    const where = s instanceof ConcatSource ? s.where(i) : { file: s.file, record: i };
    // From the record's bytes where the source can (parsing each record into objects was
    // 2.9 s of a 14 s run on the bench's T3-heavy spec); image files need the paths.
    if (s.llavaFacts && !checks.imageRoot) checkFacts(s.llavaFacts(i), where, checks.imageTags);
    else checkLlavaRecord(s.record(i), where, checks.imageRoot, checks.imageTags);
  }
}

/** checkLlavaRecord's verdict, from the facts of the record. */
function checkFacts(facts: LlavaRecordFacts, where: InputLocation, imageTags = true): void {
  const p = facts.problem ?? (imageTags ? imageTagsProblem(facts.imageTags, facts.images) : null);
  if (p) throw new InputError({ ...where, field: p.field }, p.problem);
}
