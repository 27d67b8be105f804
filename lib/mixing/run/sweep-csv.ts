/** The summary table of a sweep (`<name>.sweep.csv`): one row per point, one column per source. */
import type { MixRunResult } from "./write-mix-point";

export function sweepCsv(results: readonly MixRunResult[]): string {
  const names = results[0].plan.sources.map((s) => s.name);
  const head = ["point", ...names, "concatenated", "mix", "holdout", "file", "sha256"];
  const rows = results.map((r) => [
    r.plan.point.label,
    ...r.plan.sources.map((s) => String(s.takes)),
    String(r.plan.concatenated),
    String(r.plan.mixRecords),
    String(r.plan.holdout),
    r.file,
    r.sha256,
  ]);
  return `${[head, ...rows].map((r) => r.join(",")).join("\n")}\n`;
}
