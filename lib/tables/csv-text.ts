import type { DataFrame } from "danfojs-node";

// danfojs's toCSV does not quote fields holding commas, quotes or newlines, so its output
// breaks on the paper's prose; this follows RFC 4180 (what Python's csv module reads).
function csvField(v: unknown): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A DataFrame as RFC 4180 CSV text, header first, "\n" line ends, empty cell for null. */
export function csvText(df: DataFrame): string {
  const lines = [(df.columns as string[]).map(csvField).join(",")];
  for (const row of df.values as unknown[][]) lines.push(row.map(csvField).join(","));
  return `${lines.join("\n")}\n`;
}
