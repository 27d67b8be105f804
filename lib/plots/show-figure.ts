/**
 * Inline display in a tslab notebook. plotly.js (4.8 MB) is sent with the first figure of a
 * kernel session only; later figures reuse window.Plotly on the same page.
 */
import type { Figure } from "./figure";
import { figureFragment } from "./figure-html";
import { plotlyScriptTag } from "./plotly-source";

let plotlySent = false;
let counter = 0;

/** The HTML a notebook output needs for `fig` (with plotly.js the first time). */
export function figureOutputHtml(fig: Figure): string {
  const head = plotlySent ? "" : plotlyScriptTag();
  plotlySent = true;
  counter += 1;
  const id = `t3kit-fig-${process.pid}-${counter}`;
  return head + figureFragment(fig, id);
}

/** Shows `fig` inline, interactive, in the running tslab notebook. */
export function showFigure(fig: Figure): void {
  const tslab = require("tslab") as typeof import("tslab");
  tslab.display.html(figureOutputHtml(fig));
}
