import type { Config, Data, Layout } from "plotly.js";

/** A plotly figure as plain data: what `Plotly.newPlot(div, data, layout, config)` takes. */
export interface Figure {
  data: Data[];
  layout?: Partial<Layout>;
  config?: Partial<Config>;
}

/** Pixel size used for the PNG and the inline div when the layout gives none. */
export function figureSize(fig: Figure): { width: number; height: number } {
  return { width: fig.layout?.width ?? 900, height: fig.layout?.height ?? 500 };
}
