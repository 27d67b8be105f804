import type { DataFrame } from "danfojs-node";

// The kit's one CSV writer. danfojs's toCSV does not quote fields holding commas, quotes or
// newlines, and papaparse's unparse quotes more than Python does (a leading or trailing
// space, a byte-order mark), so neither writes what Python's csv.writer writes; this does
// (QUOTE_MINIMAL, lineterminator "\n"), and also quotes a "\r", which Python 3.11 leaves
// bare when "\r" is not in its line terminator although its reader then splits the row.

/** One field: empty for null, undefined and NaN; quoted when it holds `,`, `"`, CR or LF. */
function csvField(v: unknown): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row and its "\n"; a row of one empty field is `""`, as Python writes it (not a blank line). */
function csvLine(row: readonly unknown[]): string {
  const fields = row.map(csvField);
  return fields.length === 1 && fields[0] === "" ? '""\n' : `${fields.join(",")}\n`;
}

/** Rows (header first) as CSV text, byte for byte as Python's `csv.writer(f, lineterminator="\n")`. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvLine).join("");
}

/** A DataFrame as CSV text (csvRows): header first, an empty cell for null. */
export function csvText(df: DataFrame): string {
  return csvRows([df.columns as string[], ...(df.values as unknown[][])]);
}
