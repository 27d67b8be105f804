/**
 * Draws and encodes the probing videos of the chosen aspects into the released folder
 * layout (`<out>/<aspect2vidpath dir>/<class>/<stem>.mp4`, training videos on black,
 * validation on white; brightness trains on a car and validates on a cat), then writes
 * what the kit knows about each one: `probing-videos.json` (every video's class and frame
 * captions) and `frame_captions/<aspect>.json` (the text-only prompt of each validation
 * video, keyed `<class>_<stem>` as the released inference reads it). Videos are written
 * aside and renamed; the manifest is written last, so its presence means a complete set.
 */
import { join } from "node:path";
import { UserFacingError } from "../../errors/index";
import { ownOutputFolder, writeFileAtomic } from "../../files/index";
import { formatBytes } from "../../progress/index";
import type { OnProgress } from "../../progress/index";
import { textQuestion } from "../aspects/probe-prompts";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { sampleFrameIndices } from "../features/sample-frame-indices";
import { tenthsProgress } from "../tenths-progress";
import { encodeVideo } from "./encode-video";
import { renderFrame } from "./render-frame";
import { type ProbeSplit, type VideoPlan, planVideo } from "./video-plan";

export interface ProbingVideoRecord {
  aspect: string;
  split: ProbeSplit;
  className: string;
  /** Relative to the video root. */
  path: string;
  frames: number;
  fps: number;
  /** One caption per frame. */
  captions: string[];
}

export interface ProbingVideoManifest {
  seed: number;
  perClass: number;
  videos: ProbingVideoRecord[];
}

export interface MakeVideosOptions {
  out: string;
  aspects: readonly ProbingAspect[];
  perClass: number;
  seed: number;
  /** Videos encoded at once (ffmpeg runs in its own process). */
  concurrency?: number;
  /** Videos done of all, at each tenth. */
  onProgress?: OnProgress;
}

export const VIDEO_MANIFEST = "probing-videos.json";

/** The most videos one run makes: 100,000 is about 2 GB and hours of encoding. */
export const MAX_PROBING_VIDEOS = 100_000;
/**
 * Bytes one video takes on disk, about: `probe videos --per-class 1` over every aspect
 * wrote 60 videos and their captions in 1.24 MB.
 */
export const BYTES_PER_PROBING_VIDEO = 20_600;

/** Videos a run makes: per aspect, both splits, every class, `perClass` each. */
export function probingVideoCount(aspects: readonly ProbingAspect[], perClass: number): number {
  return aspects.reduce((n, a) => n + 2 * a.classes.length * perClass, 0);
}

/** Refuses a run larger than MAX_PROBING_VIDEOS before any work, saying what it would take. */
function checkRunSize(aspects: readonly ProbingAspect[], perClass: number): number {
  const count = probingVideoCount(aspects, perClass);
  if (count <= MAX_PROBING_VIDEOS) return count;
  const perUnit = probingVideoCount(aspects, 1);
  throw new UserFacingError(
    `--per-class ${perClass} would make ${count.toLocaleString("en-US")} videos (about ${formatBytes(count * BYTES_PER_PROBING_VIDEO)} on disk); one run makes at most ${MAX_PROBING_VIDEOS.toLocaleString("en-US")} (--per-class ${Math.floor(MAX_PROBING_VIDEOS / perUnit)} with these aspects)`,
  );
}

export async function makeProbingVideos(options: MakeVideosOptions): Promise<ProbingVideoManifest> {
  if (!Number.isInteger(options.perClass) || options.perClass < 1)
    throw new Error(`--per-class must be a whole number >= 1, got ${options.perClass}`);
  const count = checkRunSize(options.aspects, options.perClass);
  options.onProgress?.({
    note: `${count} videos to draw and encode (about ${formatBytes(count * BYTES_PER_PROBING_VIDEO)})`,
  });
  // The folder is this run's: videos of a larger earlier draw do not stay beside these.
  ownOutputFolder(options.out);
  const plans: { plan: VideoPlan; path: string }[] = [];
  for (const aspect of options.aspects)
    for (const split of ["train", "val"] as const)
      for (const className of aspect.classes)
        for (let i = 0; i < options.perClass; i++) {
          const plan = planVideo(aspect, split, className, i, options.seed);
          const dir = split === "train" ? aspect.trainDir : aspect.valDir;
          plans.push({ plan, path: `${dir}/${className}/${plan.stem}.mp4` });
        }
  const progress = tenthsProgress(options.onProgress, "videos");
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plans.length) {
      const { plan, path } = plans[next++];
      const frames = plan.frames.map((scene) => renderFrame(scene, plan.width, plan.height));
      await encodeVideo(join(options.out, path), frames, plan.width, plan.height, plan.fps);
      progress(++done, plans.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  const videos = plans.map(({ plan, path }) => ({
    aspect: plan.aspect,
    split: plan.split,
    className: plan.className,
    path,
    frames: plan.frames.length,
    fps: plan.fps,
    captions: plan.captions,
  }));
  await writeFrameCaptions(options.out, options.aspects, videos);
  const manifest = { seed: options.seed, perClass: options.perClass, videos };
  await writeFileAtomic(
    join(options.out, VIDEO_MANIFEST),
    `${JSON.stringify(manifest, null, 1)}\n`,
  );
  return manifest;
}

/** The 8 sampled frames' captions of a video: what the text-only probe reads. */
export function sampledCaptions(video: ProbingVideoRecord): string[] {
  return sampleFrameIndices(video.frames).map((i) => video.captions[i]);
}

async function writeFrameCaptions(
  out: string,
  aspects: readonly ProbingAspect[],
  videos: ProbingVideoRecord[],
): Promise<void> {
  for (const aspect of aspects) {
    const entries: Record<string, { prompt: string }> = {};
    for (const v of videos) {
      if (v.aspect !== aspect.name || v.split !== "val") continue;
      const stem = v.path.slice(v.path.lastIndexOf("/") + 1).replace(/\.mp4$/, "");
      entries[`${v.className}_${stem}`] = { prompt: textQuestion(aspect, sampledCaptions(v)) };
    }
    await writeFileAtomic(
      join(out, "frame_captions", `${aspect.name}.json`),
      `${JSON.stringify(entries, null, 4)}\n`,
    );
  }
}
