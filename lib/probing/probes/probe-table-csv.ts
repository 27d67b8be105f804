/** The probe summary as RFC 4180 CSV (accuracy in percent, two decimals). */
import type { ProbeSummaryRow } from "./summarise-probe-results";

function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function probeTableCsv(rows: ProbeSummaryRow[]): string {
  const lines = ["name,kind,probe,seeds,mean_accuracy,std_accuracy"];
  for (const r of rows)
    lines.push(
      [r.name, r.kind, r.probe, r.seeds, r.mean.toFixed(2), r.std.toFixed(2)].map(field).join(","),
    );
  return `${lines.join("\n")}\n`;
}

/** A plain-text table for a terminal. */
export function probeTableText(rows: ProbeSummaryRow[]): string {
  const lines = rows.map(
    (r) =>
      `${r.probe.padEnd(7)} ${r.name.padEnd(17)} ${r.mean.toFixed(1).padStart(6)} ± ${r.std.toFixed(1).padStart(5)}  (${r.seeds} seeds)`,
  );
  return `${["probe   aspect/group      acc %    std", ...lines].join("\n")}\n`;
}
