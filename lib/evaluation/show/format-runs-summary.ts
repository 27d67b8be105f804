import type { IngestedRun } from "../evaluation-row";

/** One line per run: how many values were read and which benchmarks have per-question results. */
export function formatRunsSummary(runs: readonly IngestedRun[]): string {
  return runs
    .map(
      (r) =>
        `${r.run}: ${r.rows.length} values, per-question results for ${[...r.samples.keys()].join(", ") || "nothing (aggregates only)"}`,
    )
    .join("\n");
}
