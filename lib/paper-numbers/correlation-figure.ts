import type { Figure } from "../plots/index";
import { type CorrelationPanel, correlationPanelsFigure } from "./correlation-panels-figure";
import type { PaperTable } from "./paper-table";
import { pearson } from "./pearson";
import { cellValue } from "./table-lookup";

export interface CorrelationCheck {
  benchmark: string;
  statedR: number;
  statedP: number;
  /** r recomputed from the points read off the plot (approximate, [I]). */
  approxR: number;
  points: number;
}

const BENCHMARKS = [
  { key: "tempcompass", label: "TempCompass" },
  { key: "mlvu", label: "MLVU" },
  { key: "videomme", label: "Video-MME" },
];

function pairs(points: PaperTable, key: string): { x: number[]; y: number[]; labels: string[] } {
  const xi = points.columns.findIndex((c) => c.key === "text_acc");
  const yi = points.columns.findIndex((c) => c.key === key);
  const out = { x: [] as number[], y: [] as number[], labels: [] as string[] };
  for (const r of points.rows) {
    const x = r.values[xi];
    const y = r.values[yi];
    if (x === null || y === null) continue;
    out.x.push(x);
    out.y.push(y);
    out.labels.push(r.label);
  }
  return out;
}

/** The printed r next to r recomputed from the approximate points, per benchmark. */
export function correlationChecks(stats: PaperTable, points: PaperTable): CorrelationCheck[] {
  return BENCHMARKS.map(({ key, label }) => {
    const p = pairs(points, key);
    return {
      benchmark: label,
      statedR: cellValue(stats, label, "r") as number,
      statedP: cellValue(stats, label, "p") as number,
      approxR: Math.round(pearson(p.x, p.y) * 100) / 100,
      points: p.x.length,
    };
  });
}

/** Textual validation accuracy against each video benchmark (points approximate, [I]). */
export function correlationFigure(stats: PaperTable, points: PaperTable): Figure {
  const checks = correlationChecks(stats, points);
  const panels = BENCHMARKS.map(({ key, label }, i): CorrelationPanel => {
    const c = checks[i];
    return {
      ...pairs(points, key),
      name: label,
      yTitle: `${label} (%)<br>stated r=${c.statedR}, p=${c.statedP.toExponential(2)}; from points r≈${c.approxR}`,
    };
  });
  return correlationPanelsFigure(panels, {
    title:
      "Textual temporal accuracy predicts video temporal accuracy (points read off the plot, approximate)",
    xTitle: "Textual validation acc. (%)",
    hovertemplate: "%{text}<br>text acc %{x}<br>video acc %{y}<extra></extra>",
    marker: { size: 9 },
    gap: 0.06,
    width: 1300,
    height: 460,
    margin: { l: 80, r: 20, t: 70, b: 60 },
  });
}
