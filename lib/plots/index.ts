export { type Figure, figureSize } from "./figure";
export { figureHtml, figureFragment } from "./figure-html";
export { plotlySource, plotlyScriptTag } from "./plotly-source";
export { renderHtmlToPng, closeBrowser, CHROMIUM_PATH } from "./render-png";
export { saveFigure, type SavedFigure } from "./save-figure";
export { showFigure, figureOutputHtml } from "./show-figure";
export { CATEGORICAL_COLORS_20 } from "./categorical-colors";
