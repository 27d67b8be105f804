import type { Cell } from "../../tables/index";
import type { BenchmarkComparison, ComparedRow } from "../compare/compare-with-paper";

/** The rows a comparison shows: the paper's baseline and T3 rows, then each run. */
export function headlineRows(c: BenchmarkComparison): ComparedRow[] {
  return c.rows.filter((r) => r.origin === "run" || r.role === "baseline" || r.role === "ours");
}

/**
 * One compared row's cells, per measure its value (under the measure's label) and/or its
 * difference to the paper's baseline (`Δ label`; the baseline row has none).
 */
export function measureCells(
  c: BenchmarkComparison,
  r: ComparedRow,
  shown: { values?: boolean; deltas?: boolean },
): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  c.columns.forEach((col, j) => {
    if (shown.values) row[col.label] = r.values[j];
    if (shown.deltas && r.role !== "baseline") row[`Δ ${col.label}`] = r.deltas[j];
  });
  return row;
}

// p-values span orders of magnitude: three significant digits, not fixed decimals.
/** An exact McNemar p-value as a table shows it; null where none was computed. */
export const mcnemarCell = (p: number | null): string | null =>
  p === null ? null : p.toPrecision(3);
