/** The list of the paper's tables notebook 06 opens with: one row per table. */
import type { PaperTable } from "./paper-table";

/** Id, number of rows, mark ([V]/[I]/[C]) and source of every table. */
export function paperTableIndexRows(
  tables: ReadonlyMap<string, PaperTable>,
): { table: string; rows: number; mark: string; source: string }[] {
  return [...tables.values()].map((t) => ({
    table: t.id,
    rows: t.rows.length,
    mark: t.source.mark,
    source: t.source.ref,
  }));
}
