import type { Data, Layout } from "plotly.js";
import type { Figure } from "../plots/index";
import type { Mark } from "./paper-table";

/** Rows to draw as grouped bars: a paper table, or the paper's rows with a user's runs. */
export interface BarRows {
  title: string;
  columns: readonly { label: string }[];
  rows: readonly {
    label: string;
    values: readonly (number | null)[];
    /** "I": read off a plot, said in the legend. */
    mark?: Mark;
    /** The row's bar colour; plotly's colour cycle where none is given. */
    color?: string;
  }[];
}

/** Size and placement of a grouped-bar figure. */
export interface BarsLayout {
  width: number;
  height: number;
  margin: Layout["margin"];
  xaxis?: Layout["xaxis"];
  legend?: Layout["legend"];
}

const PAPER_FIGURE: BarsLayout = {
  width: 900,
  height: 460,
  margin: { l: 70, r: 20, t: 70, b: 50 },
};

/**
 * A table as grouped bars: one group per column, one bar per row, each bar labelled with
 * its value (Figure 6a/6b style; evaluation's comparison of runs with the paper's rows).
 */
export function groupedBarsFigure(
  table: BarRows,
  yTitle: string,
  size: BarsLayout = PAPER_FIGURE,
): Figure {
  const data: Data[] = table.rows.map((r) => ({
    type: "bar",
    name: r.mark === "I" ? `${r.label} [I]` : r.label,
    x: table.columns.map((c) => c.label),
    y: r.values,
    ...(r.color === undefined ? {} : { marker: { color: r.color } }),
    text: r.values.map((v) => (v === null ? "" : v.toFixed(1))),
    textposition: "outside",
  })) as Data[];
  return {
    data,
    layout: {
      title: { text: table.title },
      barmode: "group",
      width: size.width,
      height: size.height,
      yaxis: { title: { text: yTitle } },
      ...(size.xaxis === undefined ? {} : { xaxis: size.xaxis }),
      ...(size.legend === undefined ? {} : { legend: size.legend }),
      margin: size.margin,
    },
  };
}
