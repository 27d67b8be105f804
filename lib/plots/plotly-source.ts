import { readFileSync } from "node:fs";

let cached: string | undefined;

/**
 * plotly.min.js as text, to inline into pages. It is never imported at run time: it
 * expects a browser (`self is not defined` under node).
 */
export function plotlySource(): string {
  cached ??= readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8");
  return cached;
}

/**
 * A script tag that defines window.Plotly even where RequireJS is on the page (classic
 * Jupyter): plotly's UMD wrapper would otherwise register an AMD module and leave no global.
 */
export function plotlyScriptTag(): string {
  return `<script>(function(){var define, module, exports;\n${plotlySource()}\n}).call(window);</script>`;
}
