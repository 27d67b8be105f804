import type { Data } from "plotly.js";
import type { Figure } from "../plots/index";
import type { PaperTable } from "./paper-table";

/** A table as grouped bars: one group per column, one bar per row (Figure 6a/6b style). */
export function groupedBarsFigure(table: PaperTable, yTitle: string): Figure {
  const data: Data[] = table.rows.map((r) => ({
    type: "bar",
    name: r.mark === "I" ? `${r.label} [I]` : r.label,
    x: table.columns.map((c) => c.label),
    y: r.values,
    text: r.values.map((v) => (v === null ? "" : v.toFixed(1))),
    textposition: "outside",
  })) as Data[];
  return {
    data,
    layout: {
      title: { text: table.title },
      barmode: "group",
      width: 900,
      height: 460,
      yaxis: { title: { text: yTitle } },
      margin: { l: 70, r: 20, t: 70, b: 50 },
    },
  };
}
