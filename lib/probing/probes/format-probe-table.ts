/** The probe table for a terminal, and what `probe train` prints of a written table. */
import type { ProbeSummaryRow } from "./summarise-probe-results";
import type { ProbeTable } from "./write-probe-table";

/** A plain-text table for a terminal. */
export function probeTableText(rows: ProbeSummaryRow[]): string {
  const lines = rows.map(
    (r) =>
      `${r.probe.padEnd(7)} ${r.name.padEnd(17)} ${r.mean.toFixed(1).padStart(6)} ± ${r.std.toFixed(1).padStart(5)}  (${r.seeds} seeds)`,
  );
  return `${["probe   aspect/group      acc %    std", ...lines].join("\n")}\n`;
}

/** `{"results": [...]}` as one JSON line, or the text table and where the CSV went. */
export function formatProbeTable(table: ProbeTable, json = false): string {
  if (json) return `${JSON.stringify({ results: table.results })}\n`;
  return `${probeTableText(table.rows)}table -> ${table.out}\n`;
}
