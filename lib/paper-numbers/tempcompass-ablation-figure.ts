import type { Data, Layout } from "plotly.js";
import type { Figure } from "../plots/index";
import type { PaperTable } from "./paper-table";
import { baselineRow } from "./table-lookup";

const ROLE_COLOR: Record<string, string> = {
  baseline: "#7f7f7f",
  ablation: "#4c78a8",
  ours: "#e45756",
};

/**
 * TempCompass ablations as small multiples: one panel per dimension, one bar per training
 * mix, the LongVA-7B baseline as a dashed line in each panel.
 */
export function tempcompassAblationFigure(table: PaperTable): Figure {
  const rows = table.rows.filter((r) => ["baseline", "ablation", "ours"].includes(r.role));
  const base = baselineRow(table);
  const labels = rows.map((r) => r.label).reverse();
  const n = table.columns.length;
  const gap = 0.012;
  const w = (1 - gap * (n - 1)) / n;
  const data: Data[] = [];
  const layout: Partial<Layout> = {
    title: { text: "TempCompass (multi-choice): what each T3 training mix adds to LongVA-7B" },
    width: 1400,
    height: 640,
    margin: { l: 300, r: 20, t: 80, b: 50 },
    showlegend: false,
    shapes: [],
    annotations: [],
    font: { size: 11 },
  };
  table.columns.forEach((col, j) => {
    const axis = j === 0 ? "" : String(j + 1);
    const values = rows.map((r) => r.values[j]).reverse();
    const colors = rows.map((r) => ROLE_COLOR[r.role]).reverse();
    data.push({
      type: "bar",
      orientation: "h",
      x: values,
      y: labels,
      marker: { color: colors },
      text: values.map((v) => (v === null ? "" : v.toFixed(1))),
      textposition: "outside",
      cliponaxis: false,
      xaxis: `x${axis}`,
      yaxis: `y${axis}`,
      hovertemplate: `%{y}<br>${col.label}: %{x}<extra></extra>`,
    } as Data);
    const lo = j * (w + gap);
    const l = layout as Record<string, unknown>;
    const vals = rows.map((r) => r.values[j] ?? 0);
    l[`xaxis${axis}`] = {
      domain: [lo, lo + w],
      range: [Math.max(0, Math.min(...vals) - 15), Math.max(...vals) + 8],
      title: { text: col.label },
    };
    l[`yaxis${axis}`] = { anchor: `x${axis}`, showticklabels: j === 0, automargin: false };
    const b = base.values[j];
    if (b !== null) {
      layout.shapes!.push({
        type: "line",
        xref: `x${axis}` as "x",
        yref: "paper",
        x0: b,
        x1: b,
        y0: 0,
        y1: 1,
        line: { color: "#333", dash: "dash", width: 1.5 },
      });
    }
  });
  layout.annotations!.push({
    text: "dashed: LongVA-7B (32 frm) baseline · red: + T3 (all tasks)",
    xref: "paper",
    yref: "paper",
    x: 0,
    y: 1.06,
    showarrow: false,
    xanchor: "left",
  });
  return { data, layout };
}
