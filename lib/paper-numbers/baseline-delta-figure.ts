import type { Figure } from "../plots/index";
import { deltasToBaseline } from "./deltas-to-baseline";
import type { PaperTable } from "./paper-table";

/** Each training mix's difference to the baseline, per dimension, as an annotated heatmap. */
export function baselineDeltaFigure(table: PaperTable, title: string): Figure {
  const rows = deltasToBaseline(table).reverse();
  const z = rows.map((r) => r.deltas);
  const max = Math.max(...z.flat().map((v) => Math.abs(v ?? 0)));
  return {
    data: [
      {
        type: "heatmap",
        z,
        x: table.columns.map((c) => c.label),
        y: rows.map((r) => r.label),
        zmin: -max,
        zmax: max,
        colorscale: "RdBu",
        reversescale: false,
        text: z.map((r) =>
          r.map((v) => (v === null ? "" : v > 0 ? `+${v.toFixed(1)}` : v.toFixed(1))),
        ) as unknown as string[],
        texttemplate: "%{text}",
        hovertemplate: "%{y}<br>%{x}: %{text}<extra></extra>",
        colorbar: { title: { text: "Δ vs baseline" } },
      } as unknown as Figure["data"][number],
    ],
    layout: {
      title: { text: title },
      width: 1000,
      height: 120 + rows.length * 30,
      margin: { l: 300, r: 20, t: 60, b: 60 },
    },
  };
}
