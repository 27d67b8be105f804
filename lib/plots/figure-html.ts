/** Figures as HTML: a self-contained page (plotly inlined) or a fragment for notebooks. */
import escapeHtml from "escape-html";
import { type Figure, figureSize } from "./figure";
import { plotlyScriptTag } from "./plotly-source";

// JSON inside <script> must not close the tag early.
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/<\//g, "<\\/");

/** A div plus the script that draws `fig` into it once window.Plotly exists. */
export function figureFragment(fig: Figure, divId: string): string {
  const { width, height } = figureSize(fig);
  const config = { responsive: false, displaylogo: false, ...fig.config };
  return [
    `<div id="${divId}" class="t3kit-figure" style="width:${width}px;height:${height}px"></div>`,
    "<script>(function(){",
    `var data=${scriptJson(fig.data)},layout=${scriptJson(fig.layout ?? {})},config=${scriptJson(config)};`,
    `function draw(){if(window.Plotly){window.Plotly.newPlot(${JSON.stringify(divId)},data,layout,config);}else{setTimeout(draw,50);}}`,
    "draw();})();</script>",
  ].join("\n");
}

/** A complete HTML page that shows `fig` with no network access (plotly.js inlined). */
export function figureHtml(fig: Figure, title = "t3kit figure"): string {
  return [
    "<!DOCTYPE html>",
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    plotlyScriptTag(),
    '</head><body style="margin:0;background:#fff">',
    figureFragment(fig, "figure"),
    "</body></html>",
    "",
  ].join("\n");
}
