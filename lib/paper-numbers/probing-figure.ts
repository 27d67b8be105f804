import type { Data, Layout } from "plotly.js";
import type { Figure } from "../plots/index";
import type { PaperTable } from "./paper-table";

const SETTING_COLORS: Record<string, string[]> = {
  video: ["#e45756"],
  text: ["#9ecae9", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"],
  probe: ["#54a24b"],
};

/**
 * The probing figure: per aspect group, the Video LLM answering on video, LLMs answering on
 * frame captions (text only), and an LSTM probe on the visual features; red dashes mark
 * chance. One panel per probed model family (LongVA, VILA).
 */
export function probingFigure(tables: PaperTable[]): Figure {
  const data: Data[] = [];
  const shapes: NonNullable<Layout["shapes"]> = [];
  const l: Record<string, unknown> = {};
  const gap = 0.08;
  const h = (1 - gap * (tables.length - 1)) / tables.length;
  tables.forEach((table, p) => {
    const axis = p === 0 ? "" : String(p + 1);
    const groups = table.rows.map((r) => r.label);
    let textIdx = 0;
    table.columns.forEach((col, j) => {
      const setting = col.setting ?? "text";
      const palette = SETTING_COLORS[setting];
      const color = setting === "text" ? palette[textIdx++ % palette.length] : palette[0];
      data.push({
        type: "bar",
        name: col.label,
        legendgroup: table.id,
        legendgrouptitle: { text: table.id === "probing-longva" ? "LongVA" : "VILA" },
        x: groups,
        y: table.rows.map((r) => r.values[j]),
        marker: { color },
        text: table.rows.map((r) => (r.values[j] ?? 0).toFixed(1)),
        textposition: "outside",
        textfont: { size: 8 },
        xaxis: `x${axis}`,
        yaxis: `y${axis}`,
      } as Data);
    });
    const top = 1 - p * (h + gap);
    l[`xaxis${axis}`] = { anchor: `y${axis}` };
    l[`yaxis${axis}`] = {
      domain: [top - h, top],
      range: [0, 110],
      title: { text: `${table.id === "probing-longva" ? "LongVA" : "VILA"}: accuracy %` },
    };
    table.rows.forEach((r, i) => {
      if (r.random === undefined) return;
      shapes.push({
        type: "line",
        xref: `x${axis}` as "x",
        yref: `y${axis}` as "y",
        x0: i - 0.45,
        x1: i + 0.45,
        y0: r.random,
        y1: r.random,
        line: { color: "red", dash: "dash", width: 2 },
      });
    });
  });
  return {
    data,
    layout: {
      title: {
        text: "Probing: visual features hold the temporal information; the LLM is the bottleneck",
      },
      barmode: "group",
      width: 1300,
      height: 820,
      shapes,
      legend: { groupclick: "toggleitem", font: { size: 10 } },
      margin: { l: 70, r: 20, t: 70, b: 40 },
      ...l,
    },
  };
}
