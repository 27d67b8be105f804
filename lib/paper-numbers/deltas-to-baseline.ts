import type { PaperTable } from "./paper-table";
import { baselineRow } from "./table-lookup";

/** Rounds away floating-point noise: the paper reports one decimal. */
export const roundTo = (v: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(v * f + (v >= 0 ? 1e-9 : -1e-9)) / f;
};

export interface DeltaRow {
  label: string;
  /** Row value minus baseline value per column, rounded to 1 decimal; null if either is missing. */
  deltas: (number | null)[];
}

/**
 * Each row's difference to the table's baseline (e.g. LongVA-7B), computed from the
 * reported numbers, never typed in. `roles` picks which rows (default: ablations and ours).
 * Explained in notebooks/06-results.ipynb, "What T3 adds".
 */
export function deltasToBaseline(
  table: PaperTable,
  roles: string[] = ["ablation", "ours"],
): DeltaRow[] {
  const base = baselineRow(table);
  return table.rows
    .filter((r) => roles.includes(r.role))
    .map((r) => ({
      label: r.label,
      deltas: r.values.map((v, j) => {
        const b = base.values[j];
        return v === null || b === null ? null : roundTo(v - b);
      }),
    }));
}
