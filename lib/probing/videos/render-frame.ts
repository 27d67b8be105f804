/**
 * Draws one planned frame: SVG rasterised by resvg (`@resvg/resvg-js`, prebuilt binaries
 * shipped in npm packages), then the brightness multiplier applied to the pixels.
 * Returns packed RGB bytes, the input ffmpeg's rawvideo demuxer reads.
 */
import { Resvg } from "@resvg/resvg-js";
import { itemSvg } from "./item-artwork";
import type { FrameScene } from "./video-plan";

export function frameSvg(scene: FrameScene, width: number, height: number): string {
  const item = scene.item
    ? `<g transform="translate(${scene.x} ${scene.y}) scale(${(scene.size / 36).toFixed(6)})">${itemSvg(scene.item, scene.openness)}</g>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="${scene.background}"/>${item}</svg>`;
}

export function renderFrame(scene: FrameScene, width: number, height: number): Uint8Array {
  const image = new Resvg(frameSvg(scene, width, height), { fitTo: { mode: "original" } }).render();
  const rgba = image.pixels;
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0, q = 0; p < rgba.length; p += 4, q += 3) {
    // The background rect is opaque, so alpha is always 255 here.
    rgb[q] = Math.round(rgba[p] * scene.brightness);
    rgb[q + 1] = Math.round(rgba[p + 1] * scene.brightness);
    rgb[q + 2] = Math.round(rgba[p + 2] * scene.brightness);
  }
  return rgb;
}
