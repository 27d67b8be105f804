/**
 * Rows of plain values as an aligned text table for a terminal: columns in first-seen
 * order over all rows, numbers right-aligned, a column of whole numbers without decimals.
 */
export function formatTextTable(rows: readonly Record<string, unknown>[], digits = 1): string {
  if (rows.length === 0) return "(no rows)\n";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const isBlank = (v: unknown) => v === null || v === undefined;
  const numeric = columns.map((c) => rows.every((r) => isBlank(r[c]) || typeof r[c] === "number"));
  const whole = columns.map((c) => rows.every((r) => isBlank(r[c]) || Number.isInteger(r[c])));
  const cells = rows.map((r) =>
    columns.map((c, j) => {
      const v = r[c];
      if (isBlank(v)) return "–";
      if (typeof v === "number") return whole[j] ? String(v) : v.toFixed(digits);
      return String(v);
    }),
  );
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const line = (vals: string[]) =>
    vals
      .map((v, j) => (numeric[j] ? v.padStart(widths[j]) : v.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  return `${[line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n")}\n`;
}
