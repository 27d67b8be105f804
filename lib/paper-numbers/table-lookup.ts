import type { PaperRow, PaperTable } from "./paper-table";

/** The row labelled `label`; throws naming the table when it is missing. */
export function findRow(table: PaperTable, label: string): PaperRow {
  const row = table.rows.find((r) => r.label === label);
  if (!row) throw new Error(`table ${table.id} has no row "${label}"`);
  return row;
}

/** The index of column `key`; throws naming the table when it is missing. */
export function columnIndex(table: PaperTable, key: string): number {
  const i = table.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`table ${table.id} has no column "${key}"`);
  return i;
}

/** The value at (row label, column key), or null where the paper has none. */
export function cellValue(table: PaperTable, label: string, key: string): number | null {
  return findRow(table, label).values[columnIndex(table, key)];
}

/** The table's single baseline row. */
export function baselineRow(table: PaperTable): PaperRow {
  const rows = table.rows.filter((r) => r.role === "baseline");
  if (rows.length !== 1)
    throw new Error(`table ${table.id} has ${rows.length} baseline rows, expected 1`);
  return rows[0];
}
