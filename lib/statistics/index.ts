/**
 * Statistics several stages use (a shared floor): percentiles as numpy computes them
 * (evaluation's bootstrap intervals, token analysis's record lengths) and least squares.
 */
export { percentileSorted, type PercentileMethod } from "./percentile";
export { leastSquares } from "./least-squares";
