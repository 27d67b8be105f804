import type { Data } from "plotly.js";
import {
  type CorrelationPanel,
  correlationPanelsFigure,
  groupedBarsFigure,
} from "../../paper-numbers/index";
import type { Figure } from "../../plots/index";
import { leastSquares } from "../../statistics/index";
import type { BenchmarkComparison } from "../compare/compare-with-paper";
import type { RunsCorrelation } from "../stats/correlate-runs";
import type { PairedDifference } from "../stats/paired-differences";
import { headlineRows } from "./evaluation-records";

const RUN_COLORS = ["#e45756", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#ff9da6"];

/** Grouped bars per measure: the paper's baseline and T3 row, then each run. */
export function comparisonFigure(c: BenchmarkComparison): Figure {
  let run = 0;
  const rows = headlineRows(c).map((r) => ({
    label: r.origin === "run" ? `${r.label} (this run)` : `${r.label} (paper)`,
    values: r.values,
    color:
      r.origin === "run"
        ? RUN_COLORS[run++ % RUN_COLORS.length]
        : r.role === "baseline"
          ? "#9d9d9d"
          : "#4c78a8",
  }));
  return groupedBarsFigure(
    { title: `${c.title}: the paper's rows and this run`, columns: c.columns, rows },
    "accuracy %",
    {
      width: 1000,
      height: 540,
      xaxis: { tickangle: 0, automargin: true },
      legend: { orientation: "h", y: -0.18 },
      margin: { l: 70, r: 20, t: 70, b: 120 },
    },
  );
}

/**
 * Run minus baseline per dimension, with bootstrap intervals; open markers have none.
 * With `run`, only that run's differences.
 */
export function differencesFigure(all: readonly PairedDifference[], run?: string): Figure {
  const diffs = all.filter((d) => run === undefined || d.run === run);
  const labels = diffs.map((d) => `${d.benchmark} · ${d.dimension}`);
  const withCi = diffs.map((d) => d.low !== null);
  const data: Data[] = [
    {
      type: "scatter",
      mode: "markers",
      name: "paired bootstrap interval",
      x: diffs.map((d, i) => (withCi[i] ? d.difference : null)),
      y: labels,
      error_x: {
        type: "data",
        symmetric: false,
        array: diffs.map((d) => (d.high === null ? 0 : d.high - d.difference)),
        arrayminus: diffs.map((d) => (d.low === null ? 0 : d.difference - d.low)),
      },
      marker: { color: "#e45756", size: 9 },
      hovertemplate: "%{y}: %{x:.2f} points<extra></extra>",
    } as Data,
    {
      type: "scatter",
      mode: "markers",
      name: "no interval (aggregate numbers only)",
      x: diffs.map((d, i) => (withCi[i] ? null : d.difference)),
      y: labels,
      marker: { color: "#7f7f7f", size: 9, symbol: "circle-open" },
    } as Data,
  ];
  const first = diffs[0];
  return {
    data,
    layout: {
      title: {
        text: first
          ? `${first.run} minus ${first.baseline}: is the difference real?`
          : "No differences",
      },
      width: 900,
      height: 140 + 24 * diffs.length,
      xaxis: {
        title: { text: "difference, accuracy points (95% interval)" },
        zeroline: true,
        zerolinewidth: 2,
      },
      yaxis: { autorange: "reversed", automargin: true },
      margin: { l: 220, r: 20, t: 60, b: 60 },
      legend: { orientation: "h", y: -0.15 },
    },
  };
}

/** Textual accuracy against each benchmark: points, the fitted line, r and p in each title. */
export function correlationFitFigure(correlation: RunsCorrelation): Figure {
  const { input, results, title, stated = {} } = correlation;
  const names = [...input.benchmarks.keys()];
  const panels = names.map((b): CorrelationPanel => {
    const pts = input.runs
      .map((run, k) => ({ run, x: input.textual[k], y: input.benchmarks.get(b)![k] }))
      .filter((p): p is { run: string; x: number; y: number } => p.y !== null);
    const x = pts.map((p) => p.x);
    const y = pts.map((p) => p.y);
    const c = results[b];
    const s = stated[b];
    return {
      x,
      y,
      labels: pts.map((p) => p.run),
      fit: leastSquares(x, y),
      yTitle: `${b}<br>r=${c.r.toFixed(2)}, p=${c.p.toExponential(2)}, n=${c.n}${s ? `<br>paper: r=${s.r}, p=${s.p.toExponential(2)}` : ""}`,
    };
  });
  return correlationPanelsFigure(panels, {
    title,
    xTitle: "textual validation accuracy",
    hovertemplate: "%{text}<br>textual %{x}<br>video %{y}<extra></extra>",
    marker: { size: 9, color: "#4c78a8" },
    gap: 0.07,
    width: 420 * names.length,
    height: 480,
    margin: { l: 90, r: 20, t: 70, b: 60 },
  });
}
