/**
 * What each probing video shows, frame by frame, decided before anything is drawn: the
 * kit knows every video's ground truth because it plans it. Positions, sizes, segment
 * lengths and brightness ramps vary with the seed; the same seed gives the same plans.
 */
import { PythonRandom, deriveSeed } from "../../pyrandom/index";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { type ProbeItem, itemNoun } from "./item-artwork";

export type ProbeSplit = "train" | "val";

export interface FrameScene {
  background: string;
  item?: ProbeItem;
  /** Top-left corner and side of the item's square box, in pixels. */
  x: number;
  y: number;
  size: number;
  /** The flower's opening, 0..1. */
  openness: number;
  /** Every pixel is multiplied by this (brightness videos). */
  brightness: number;
}

export interface VideoPlan {
  aspect: string;
  split: ProbeSplit;
  className: string;
  stem: string;
  width: number;
  height: number;
  fps: number;
  frames: FrameScene[];
  /** One caption per frame: what the text-only probe reads. */
  captions: string[];
}

export const VIDEO_SIZE = 224;
export const VIDEO_FPS = 8;

function uniform(rng: PythonRandom, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.random();
}

function integer(rng: PythonRandom, lo: number, hi: number): number {
  return lo + rng.randbelow(hi - lo + 1);
}

interface Placement {
  x: number;
  y: number;
  size: number;
}

function placement(rng: PythonRandom): Placement {
  const size = Math.round(uniform(rng, 0.42, 0.7) * VIDEO_SIZE);
  return {
    size,
    x: integer(rng, 0, VIDEO_SIZE - size),
    y: integer(rng, 0, VIDEO_SIZE - size),
  };
}

/** The items of a three-part video whose `position` shows `target`; the others in random order. */
function itemsWith(rng: PythonRandom, target: ProbeItem, position: number): ProbeItem[] {
  const others = (["people", "cats", "bloom"] as ProbeItem[]).filter((i) => i !== target);
  if (rng.random() < 0.5) others.reverse();
  others.splice(position, 0, target);
  return others;
}

const PARTS = ["begin", "middle", "end"];

/** The items shown one after another, for the order, referring and grounding aspects. */
export function segmentItems(
  aspect: ProbingAspect,
  className: string,
  rng: PythonRandom,
): ProbeItem[] {
  if (aspect.name === "order" || aspect.name === "order_3")
    return className.split("_") as ProbeItem[];
  if (aspect.name.startsWith("referring_"))
    return itemsWith(rng, className as ProbeItem, PARTS.indexOf(aspect.name.slice(10)));
  if (aspect.name.startsWith("grounding_"))
    return itemsWith(rng, aspect.name.slice(10) as ProbeItem, PARTS.indexOf(className));
  throw new Error(`${aspect.name} is not a segment aspect`);
}

export function planVideo(
  aspect: ProbingAspect,
  split: ProbeSplit,
  className: string,
  index: number,
  seed: number,
): VideoPlan {
  const stem = `${className}_${String(index).padStart(3, "0")}`;
  const rng = new PythonRandom(deriveSeed(seed, `${aspect.name}/${split}/${stem}`));
  const background = split === "train" ? "#000000" : "#ffffff";
  const bgWord = split === "train" ? "black" : "white";
  const frames: FrameScene[] = [];
  const captions: string[] = [];
  if (aspect.name === "blooming") {
    const where = placement(rng);
    const count = integer(rng, 16, 28);
    for (let f = 0; f < count; f++) {
      const progress = f / (count - 1);
      const openness = className === "bloom" ? progress : 1 - progress;
      frames.push({ background, item: "bloom", ...where, openness, brightness: 1 });
      captions.push(`This frame shows ${bloomWords(openness)} on a ${bgWord} background.`);
    }
  } else if (aspect.name === "brightness") {
    const item: ProbeItem = split === "train" ? "car" : "cats";
    const where = placement(rng);
    const count = integer(rng, 16, 28);
    const dark = uniform(rng, 0.12, 0.3);
    const bright = uniform(rng, 0.9, 1);
    for (let f = 0; f < count; f++) {
      const progress = f / (count - 1);
      const level =
        className === "brighten"
          ? dark + (bright - dark) * progress
          : bright - (bright - dark) * progress;
      frames.push({ background: "#8fb8de", item, ...where, openness: 1, brightness: level });
      captions.push(`This frame shows ${itemNoun(item)} in a ${lightWords(level)} scene.`);
    }
  } else {
    for (const item of segmentItems(aspect, className, rng)) {
      const where = placement(rng);
      const count = integer(rng, 6, 10);
      for (let f = 0; f < count; f++) {
        const openness = item === "bloom" ? 0.35 + (0.65 * f) / (count - 1) : 1;
        frames.push({ background, item, ...where, openness, brightness: 1 });
        captions.push(`This frame shows ${itemNoun(item)} on a ${bgWord} background.`);
      }
    }
  }
  return {
    aspect: aspect.name,
    split,
    className,
    stem,
    width: VIDEO_SIZE,
    height: VIDEO_SIZE,
    fps: VIDEO_FPS,
    frames,
    captions,
  };
}

function bloomWords(openness: number): string {
  if (openness < 0.25) return "a closed flower bud";
  if (openness < 0.5) return "a flower bud starting to open";
  if (openness < 0.75) return "a half-open flower";
  return "a fully open flower";
}

function lightWords(level: number): string {
  if (level < 0.4) return "very dark";
  if (level < 0.6) return "dim";
  if (level < 0.8) return "moderately lit";
  return "brightly lit";
}
