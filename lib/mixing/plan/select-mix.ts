/**
 * The records of one planned point. Draws, per point (so points do not depend on each
 * other): a CPython-compatible generator seeded with the spec's seed; for each source in
 * spec order, its index list is shuffled and its first `takes` records taken (a new
 * shuffle per extra pass; with replacement, `takes` draws of `_randbelow`); the
 * concatenation is shuffled, cut to `total`, and the holdout taken from its end. A
 * token-budget source takes the records its budget walk chose (draw-token-budget.ts: a
 * generator of its own) and draws nothing from the shared one, so adding a budget leaves
 * the other sources' draws as they were.
 */
import { PythonRandom } from "../../pyrandom/index";
import { packRef } from "../sources/record-refs";
import type { MixSpec } from "../spec/mix-spec-types";
import type { TokenDraw } from "./draw-token-budget";
import type { MixPlan } from "./plan-mix";

/**
 * The records of one point: the mix and its holdout, as packed references, and `all`,
 * the shuffled concatenation before the total cut. `draws[k]` gives the records of a
 * token-budget source.
 */
export function selectMix(
  spec: MixSpec,
  plan: MixPlan,
  counts: number[],
  draws: readonly (TokenDraw | null)[] = [],
): { mix: Float64Array; holdout: Float64Array; all: Float64Array } {
  const rng = new PythonRandom(spec.seed);
  const refs = new Float64Array(plan.concatenated);
  let n = 0;
  plan.sources.forEach((p, k) => {
    const size = counts[k];
    const drawn = draws[k];
    if (drawn) {
      for (let i = 0; i < p.takes; i++) refs[n++] = packRef(k, drawn.indices[i]);
      return;
    }
    if (p.replacement) {
      const cap = spec.sources[k].maxRepeats;
      const used = cap === undefined ? null : new Uint32Array(size);
      for (let d = 0; d < p.takes; d++) {
        let i = rng.randbelow(size);
        while (used && used[i] >= cap!) i = rng.randbelow(size);
        if (used) used[i]++;
        refs[n++] = packRef(k, i);
      }
      return;
    }
    const order = new Uint32Array(size);
    for (let i = 0; i < size; i++) order[i] = i;
    rng.shuffleIndices(order);
    let left = p.takes;
    for (let pass = 0; left > 0; pass++) {
      if (pass > 0) rng.shuffleIndices(order); // each extra pass in a new order
      const take = Math.min(left, size);
      for (let i = 0; i < take; i++) refs[n++] = packRef(k, order[i]);
      left -= take;
    }
  });
  if (spec.shuffle) rng.shuffleIndices(refs);
  const cut = refs.subarray(0, plan.afterTotal);
  return {
    mix: cut.subarray(0, plan.mixRecords),
    holdout: cut.subarray(plan.mixRecords),
    all: refs,
  };
}
