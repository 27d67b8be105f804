/**
 * The spec `npm run bench:mix` gives `t3kit mix run` (its `--mix-run` rows): the 13 T3
 * files, each its own text source with `count: per`, and the LLaVA file at `count: lRatio`
 * (13 × per × 2 records asked for), per 100000 as in the released script (so each source
 * gives all it holds), seed 1234, the concatenation shuffled and cut to `total`, no holdout,
 * no token counting, output llava-json (Python's json.dump indent=4: every record re-indented
 * and its strings re-escaped). `total` is 200000, or half the records the sources give when
 * that is less (small dev runs), so the cut always drops records.
 *
 * Written twice from one object: SPEC.yaml for the kit, SPEC.json for
 * bench/mix_run_reference.py (CPython's standard library reads no YAML).
 */
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import { T3_FILES } from "../lib/records/index";
import type { BenchCase } from "./mix-bench-cases";

export const MIX_RUN_NAME = "bench-mix-run";
const PER = 100_000;
const L_RATIO = 2;

/** Writes the spec for the case's inputs; returns the two paths and the output file's name. */
export function writeMixRunSpec(c: BenchCase): { yaml: string; json: string; output: string } {
  const t3 = T3_FILES.map((f) => ({
    name: basename(f.file, ".json"),
    kind: "t3",
    path: join(c.t3Dir, f.file),
    count: "per",
  }));
  const llavaTakes = Math.min(c.sizes.llavaRecords, T3_FILES.length * PER * L_RATIO);
  const concatenated = llavaTakes + T3_FILES.length * Math.min(c.sizes.t3Records, PER);
  const spec = {
    name: MIX_RUN_NAME,
    description: `bench:mix --mix-run, case ${c.name}`,
    seed: 1234,
    per: PER,
    lRatio: L_RATIO,
    total: Math.min(200_000, Math.floor(concatenated / 2)),
    output: { format: "llava-json" },
    sources: [...t3, { name: "llava_next", kind: "llava", path: c.llava, count: "lRatio" }],
  };
  const yaml = join(c.dir, `${MIX_RUN_NAME}.yaml`);
  const json = join(c.dir, `${MIX_RUN_NAME}.json`);
  writeFileSync(yaml, stringify(spec));
  writeFileSync(json, `${JSON.stringify(spec, null, 2)}\n`);
  return { yaml, json, output: `${MIX_RUN_NAME}.json` };
}
