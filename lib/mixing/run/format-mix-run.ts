/** What `mix run` prints: each written mix with its record count, then a sweep's summary table. */
import { sweepCsv } from "./sweep-csv";
import type { MixRunResult } from "./write-mix-point";

export function formatMixRun(results: readonly MixRunResult[]): string {
  const lines = results.map((r) => `${String(r.plan.mixRecords).padStart(8)} records  ${r.file}\n`);
  return `${lines.join("")}${results.length > 1 ? `\n${sweepCsv(results)}` : ""}`;
}
