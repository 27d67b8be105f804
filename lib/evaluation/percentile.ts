/**
 * The q-quantile (0..1) of sorted values by linear interpolation between closest ranks:
 * numpy.percentile's default ("linear", Hyndman-Fan type 7).
 */
export function percentileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of no values");
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
