/**
 * Mix specs: a small typed file (YAML or JSON) that says which sources make a mix and how
 * much of each, validated with errors that name the field path (`sources[2].count`).
 *
 * One knob per source (as mosaic streaming's Stream(proportion | repeat | choose)):
 * - `count: N` records; `count: "per"` = the spec's `per` (the released script's
 *   `text_dataset_limit`); `count: "lRatio"` = (number of text sources) × per × lRatio
 *   (the paper's rule for LLaVA-NeXT image records); `count: "ratio"` with `ratioOf:
 *   SOURCE` = floor(that source's count × ratio) (the Qwen video : T3 ratios);
 * - `fraction: f` of the source's records;
 * - `proportion: p` of the mix's `total`.
 * Token budgets (a share of training tokens rather than of records; see draw-token-budget.ts):
 * - `count: { tokens: N }`: N training tokens (the sequence length training sees: text,
 *   chat template and visual tokens, counted with lib/token-counting under the spec's `tokens:`);
 * - `proportion: { tokens: p }`: p of the spec's `tokens.total`.
 * Records are taken in the source's seeded order while the running sum stays within the
 * budget; the first record that would exceed it ends the source (none is skipped, so short
 * records are not favoured). If not even the first record fits, that one record is taken.
 * A spec with token knobs has no record `total` (a random record cut would break budgets).
 * Exhaustion (a source asked for more than it holds), stated per source:
 * - `onExhausted: "error"` (the default for explicit counts, fractions and proportions):
 *   the plan fails and says by how much;
 * - `"truncate"`: take all it holds (Python slicing, the default for "per" / "lRatio" /
 *   "ratio", as in the released script);
 * - `"repeat"`: whole reshuffled passes, then a partial pass, at most `maxRepeats` passes;
 * - or `replacement: true`: independent draws (at most `maxRepeats` of one record).
 * Compare: HF `interleave_datasets` stops at the first exhausted source
 * (first_exhausted) or oversamples until all are seen (all_exhausted); LLaMA-Factory's
 * interleave_under / interleave_over do the same, and its `num_samples` tops up with
 * replacement silently. Here nothing happens silently: the plan shows every repeat.
 */
import { SpecReader, readSpecFile } from "../../specs/index";
import {
  SPEC_KEYS,
  checkSpecNeeds,
  checksSection,
  holdoutSection,
  outputSection,
  paperSection,
  sourcesSection,
  sweepSection,
  tokensSection,
  varsSection,
} from "./mix-spec-sections";
import type { MixSpec } from "./mix-spec-types";

/** Reads and validates a spec file (.yaml, .yml or .json). */
export function loadMixSpec(path: string): MixSpec {
  return validateMixSpec(readSpecFile(path), path);
}

/** Validates a parsed spec, section by section; every error names `file` and the field path. */
export function validateMixSpec(raw: unknown, file = "<spec>"): MixSpec {
  const r = new SpecReader(file);
  const root = r.obj(raw, "");
  r.known(root, SPEC_KEYS, "");
  const name = r.str(root.name, "name");
  if (!/^[A-Za-z0-9._+-]+$/.test(name))
    r.fail("name", "use letters, digits and . _ + - only (it names the output file)");
  const seed = root.seed === undefined ? 1234 : r.num(root.seed, "seed", { int: true, min: 0 });
  const output = outputSection(r, root);
  const checks = checksSection(r, root);
  const vars = varsSection(r, root);
  const holdout = holdoutSection(r, root);
  const sweep = sweepSection(r, root);
  const paper = paperSection(r, root);
  const sources = sourcesSection(r, root);
  const tokens = tokensSection(r, root, sources);
  const str = (v: unknown, f: string) => r.str(v, f);
  const spec: MixSpec = {
    name,
    description: r.opt(root, "description", str, ""),
    seed,
    total: r.opt(root, "total", (v, f) => r.num(v, f, { int: true, min: 1 }), ""),
    per: r.opt(root, "per", (v, f) => r.num(v, f, { int: true, min: 1 }), ""),
    lRatio: r.opt(root, "lRatio", (v, f) => r.num(v, f, { above: 0 }), ""),
    ratio: r.opt(root, "ratio", (v, f) => r.num(v, f, { above: 0 }), ""),
    shuffle: root.shuffle !== false,
    output,
    holdout,
    checks,
    vars,
    sources,
    sweep,
    paper,
    tokens,
  };
  checkSpecNeeds(r, spec);
  return spec;
}
