import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";

/**
 * Exact McNemar test of paired right/wrong outcomes: under "no difference" the questions
 * that only one model gets right split like a fair coin, so the two-sided p-value is twice
 * the binomial tail of the smaller count (capped at 1). `onlyA` and `onlyB` are those counts.
 */
export function mcnemarExactP(onlyA: number, onlyB: number): number {
  const n = onlyA + onlyB;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialCdf(Math.min(onlyA, onlyB), n, 0.5));
}
