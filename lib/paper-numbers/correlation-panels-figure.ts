import type { Data, Layout } from "plotly.js";
import type { Figure } from "../plots/index";

/** One panel of the correlation figure: textual accuracy (x) against one video benchmark (y). */
export interface CorrelationPanel {
  /** The y-axis title: the benchmark, with its r and p. */
  yTitle: string;
  x: readonly number[];
  y: readonly number[];
  /** Each point's run or setting, shown on hover. */
  labels: readonly string[];
  /** The trace's name (the benchmark), where the figure gives one. */
  name?: string;
  /** A fitted line, drawn over the points' x range. */
  fit?: { slope: number; intercept: number };
}

/** Look of the correlation figure: its title, the shared x title and the panels' size. */
export interface CorrelationLayout {
  title: string;
  xTitle: string;
  hovertemplate: string;
  marker: { size: number; color?: string };
  /** Space between panels, as a share of the width. */
  gap: number;
  width: number;
  height: number;
  margin: Layout["margin"];
}

function fitLine(p: CorrelationPanel, axis: string): Data[] {
  if (!p.fit) return [];
  const { slope, intercept } = p.fit;
  const xr = [Math.min(...p.x), Math.max(...p.x)];
  return [
    {
      type: "scatter",
      mode: "lines",
      x: xr,
      y: xr.map((x) => intercept + slope * x),
      line: { color: "#e45756", dash: "dash" },
      hoverinfo: "skip",
      xaxis: `x${axis}`,
      yaxis: `y${axis}`,
    } as Data,
  ];
}

/**
 * The paper's correlation figure (textual validation accuracy against each video benchmark)
 * as side-by-side scatter panels, optionally with a fitted line: the paper's approximate
 * points (notebook 06) and a user's runs (evaluation) are drawn by this one builder.
 */
export function correlationPanelsFigure(
  panels: readonly CorrelationPanel[],
  look: CorrelationLayout,
): Figure {
  const data: Data[] = [];
  const axes: Record<string, unknown> = {};
  const w = (1 - look.gap * (panels.length - 1)) / panels.length;
  panels.forEach((p, i) => {
    const axis = i === 0 ? "" : String(i + 1);
    data.push(
      {
        type: "scatter",
        mode: "markers",
        x: p.x,
        y: p.y,
        text: p.labels,
        ...(p.name === undefined ? {} : { name: p.name }),
        marker: look.marker,
        hovertemplate: look.hovertemplate,
        xaxis: `x${axis}`,
        yaxis: `y${axis}`,
      } as Data,
      ...fitLine(p, axis),
    );
    axes[`xaxis${axis}`] = {
      domain: [i * (w + look.gap), i * (w + look.gap) + w],
      title: { text: look.xTitle },
      anchor: `y${axis}`,
    };
    axes[`yaxis${axis}`] = { anchor: `x${axis}`, title: { text: p.yTitle } };
  });
  return {
    data,
    layout: {
      title: { text: look.title },
      width: look.width,
      height: look.height,
      showlegend: false,
      margin: look.margin,
      ...(axes as Partial<Layout>),
    },
  };
}
