import type { DataFrame } from "danfojs-node";
import { type Cell, toDataFrame } from "../tables/index";
import { deltasToBaseline } from "./deltas-to-baseline";
import type { PaperTable } from "./paper-table";

/** A paper table as a DataFrame: "Method", then one column per reported measure. */
export function paperTableFrame(table: PaperTable, labelColumn = "Method"): DataFrame {
  const rows = table.rows.map((r) => {
    const row: Record<string, Cell> = {
      [labelColumn]: r.mark === "I" ? `${r.label} [I]` : r.label,
    };
    table.columns.forEach((c, j) => {
      row[c.label] = r.values[j];
    });
    return row;
  });
  return toDataFrame(rows);
}

/** Each ablation's difference to the baseline as a DataFrame (computed, not typed in). */
export function deltaFrame(table: PaperTable): DataFrame {
  const rows = deltasToBaseline(table).map((d) => {
    const row: Record<string, Cell> = { Method: d.label };
    table.columns.forEach((c, j) => {
      row[`Δ ${c.label}`] = d.deltas[j];
    });
    return row;
  });
  return toDataFrame(rows);
}
