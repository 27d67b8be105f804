/** The records of one planned point, drawn as the run-mix.ts module comment says. */
import { PythonRandom } from "../../pyrandom/index";
import { packRef } from "../run/write-mix-file";
import type { MixSpec } from "../spec/mix-spec";
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
