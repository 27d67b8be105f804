import { PythonRandom } from "../../pyrandom/index";
import { percentileSorted } from "../../statistics/index";

/** One question answered by both runs: 1 right, 0 wrong. */
export interface PairedOutcome {
  run: 0 | 1;
  baseline: 0 | 1;
}

export interface BootstrapOptions {
  /** Resamples (default 1000). */
  iterations?: number;
  /** Seed of CPython's Mersenne Twister (default 0): same seed, same interval. */
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

export interface BootstrapInterval {
  low: number;
  high: number;
}

/** Mean over strata of each stratum's accuracy difference, in points. */
export function stratifiedDifference(strata: readonly PairedOutcome[][]): number {
  let total = 0;
  for (const s of strata) {
    let d = 0;
    for (const p of s) d += p.run - p.baseline;
    total += (100 * d) / s.length;
  }
  return total / strata.length;
}

/**
 * Percentile interval of the run-minus-baseline accuracy difference by the paired
 * bootstrap: each resample draws questions with replacement, keeping each question's two
 * answers together, within each stratum (one stratum for a plain accuracy; MLVU's task
 * types for its macro average). Draws are `random.Random(seed).randrange(len(stratum))`
 * in CPython, stratum by stratum, and the percentiles numpy's, so Python reproduces the
 * interval exactly.
 */
export function pairedBootstrap(
  strata: readonly PairedOutcome[][],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const iterations = options.iterations ?? 1000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new RangeError(`iterations must be a positive integer, got ${iterations}`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`level must be between 0 and 1, got ${level}`);
  if (strata.length === 0 || strata.some((s) => s.length === 0))
    throw new RangeError("every stratum needs questions");
  const rng = new PythonRandom(options.seed ?? 0);
  const diffs = new Float64Array(iterations);
  for (let b = 0; b < iterations; b++) {
    let total = 0;
    for (const s of strata) {
      let d = 0;
      for (let i = 0; i < s.length; i++) {
        const p = s[rng.randbelow(s.length)];
        d += p.run - p.baseline;
      }
      total += (100 * d) / s.length;
    }
    diffs[b] = total / strata.length;
  }
  const sorted = Array.from(diffs).sort((a, b) => a - b);
  // In percent, as numpy.percentile(diffs, [2.5, 97.5]) is called for the default level.
  const tail = (100 - 100 * level) / 2;
  return {
    low: percentileSorted(sorted, tail, "linear"),
    high: percentileSorted(sorted, 100 - tail, "linear"),
  };
}
