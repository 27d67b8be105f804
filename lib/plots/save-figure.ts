import { rm } from "node:fs/promises";
import { join } from "node:path";
import { makeOutputFolder, placeOutput, tempPathFor, writeFileAtomic } from "../files/index";
import { outPath } from "../paths/index";
import { type Figure, figureSize } from "./figure";
import { figureHtml } from "./figure-html";
import { renderHtmlToPng } from "./render-png";

export interface SavedFigure {
  html: string;
  png: string;
}

/**
 * Writes `fig` as a self-contained interactive page `<dir>/<name>.html` and a PNG
 * `<dir>/<name>.png` (default dir: out/figures). Both appear complete or not at all.
 */
export async function saveFigure(
  fig: Figure,
  name: string,
  dir = outPath("figures"),
): Promise<SavedFigure> {
  makeOutputFolder(dir);
  const html = join(dir, `${name}.html`);
  const png = join(dir, `${name}.png`);
  const page = figureHtml(fig, name);
  await writeFileAtomic(html, page);
  // Chromium needs a .png name to pick the format; render beside the target, then rename.
  const tmpPng = `${tempPathFor(png)}.png`;
  try {
    await renderHtmlToPng(html, tmpPng, figureSize(fig));
    placeOutput(tmpPng, png);
  } catch (err) {
    await rm(tmpPng, { force: true });
    throw err;
  }
  return { html, png };
}
