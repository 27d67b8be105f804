/**
 * The things the probing videos show, as SVG in a 36x36 box: a person, a cat and a car
 * are Twemoji artwork (the `@iconify-json/twemoji` package, CC-BY 4.0, read from
 * node_modules, never downloaded), which people and video models recognise; the flower is
 * drawn here so that it can open: `openness` 0 is a closed bud, 1 a flower in full bloom.
 */
import { readFileSync } from "node:fs";

export type ProbeItem = "people" | "cats" | "bloom" | "car";

const TWEMOJI_NAMES: Record<Exclude<ProbeItem, "bloom">, string> = {
  people: "person-standing",
  cats: "cat",
  car: "automobile",
};

let twemoji: Record<string, { body: string }> | undefined;

function twemojiBody(name: string): string {
  if (!twemoji) {
    const file = require.resolve("@iconify-json/twemoji/icons.json");
    twemoji = (
      JSON.parse(readFileSync(file, "utf8")) as { icons: Record<string, { body: string }> }
    ).icons;
  }
  const icon = twemoji[name];
  if (!icon) throw new Error(`@iconify-json/twemoji has no icon "${name}"`);
  return icon.body;
}

/** The item's SVG elements in a 36x36 box. */
export function itemSvg(item: ProbeItem, openness = 1): string {
  return item === "bloom" ? flowerSvg(openness) : twemojiBody(TWEMOJI_NAMES[item]);
}

/** A stem, two leaves and eight petals whose spread and length grow with `openness`. */
export function flowerSvg(openness: number): string {
  const t = Math.min(1, Math.max(0, openness));
  const cx = 18;
  const cy = 13;
  const petals: string[] = [];
  const count = 8;
  const spread = 10 + t * (360 / count - 10);
  const length = 4.5 + t * 5;
  const width = 2.2 + t * 1.6;
  for (let i = 0; i < count; i++) {
    // Closed, the petals stand together pointing up; open, they go round the centre.
    const angle = (i - (count - 1) / 2) * spread;
    petals.push(
      `<ellipse cx="${cx}" cy="${(cy - length / 2).toFixed(3)}" rx="${width.toFixed(3)}" ry="${(length / 2 + 1).toFixed(3)}" fill="${i % 2 ? "#ea596e" : "#f4abba"}" transform="rotate(${angle.toFixed(3)} ${cx} ${cy})"/>`,
    );
  }
  const centre =
    t > 0.3 ? `<circle cx="${cx}" cy="${cy}" r="${(1 + 2 * t).toFixed(3)}" fill="#ffcc4d"/>` : "";
  return [
    `<path d="M18 ${cy} L18 35" stroke="#77b255" stroke-width="1.6"/>`,
    '<ellipse cx="14" cy="27" rx="4" ry="1.6" fill="#77b255" transform="rotate(-30 14 27)"/>',
    '<ellipse cx="22" cy="30" rx="4" ry="1.6" fill="#5c913b" transform="rotate(30 22 30)"/>',
    ...petals,
    centre,
  ].join("");
}

/** The words a caption uses for an item. */
export function itemNoun(item: ProbeItem): string {
  return { people: "a person", cats: "a cat", bloom: "a flower", car: "a car" }[item];
}
