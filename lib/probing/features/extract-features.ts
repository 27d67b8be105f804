/**
 * Features of every probing video, in the released layout with `.npy` for `.pt`:
 * `<out>/<aspect>/{train,val}/<class>/<video>.npy`, float32 `[tokens, dim]`. Frames are
 * sampled as the released code does (8, `np.linspace` on the decoded count) and encoded by
 * the chosen encoder: the pretrained MobileNetV3 (the default) or the kit's hand-made
 * stand-in. A contact sheet per aspect (one validation video per class,
 * its 8 sampled frames) goes to `<out>/contact_sheets/<aspect>.png`. The manifest
 * `probing-features.json` is written last: its presence means a complete set; it records
 * the encoder, its layer, tokens per frame, input size and the sha256 of the weights loaded.
 */
import { mkdir } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { ownOutputFolder, writeFileAtomic } from "../../files/index";
import { projectRoot } from "../../paths/index";
import type { OnProgress } from "../../progress/index";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { resolveInputFolder } from "../resolve-input-folder";
import { tenthsProgress } from "../tenths-progress";
import { type AspectVideos, listAspectVideos } from "../videos/list-aspect-videos";
import { refuseAspectsNotDrawn } from "../videos/refuse-aspects-not-drawn";
import { writePng } from "../videos/write-png";
import { decodeFrames } from "./decode-frames";
import { DEFAULT_ENCODER, type EncoderName, type EncoderRecord } from "./frame-encoder";
import { npyBytes } from "./npy-file";
import { openFrameEncoder } from "./open-frame-encoder";
import { sampleFrameIndices } from "./sample-frame-indices";

export const FEATURE_MANIFEST = "probing-features.json";
export const FRAMES_PER_VIDEO = 8;
const SHEET_TILE = 96;

export interface FeatureManifest extends EncoderRecord {
  framesPerVideo: number;
  shape: [number, number];
  aspects: Record<string, { classes: string[]; train: number; val: number }>;
}

export interface ExtractOptions {
  /** The video root in the released layout, or a `hub:` source naming one. */
  videos: string;
  out: string;
  aspects: readonly ProbingAspect[];
  /** mobilenetv3 (the default) or stand-in. */
  encoder?: EncoderName;
  concurrency?: number;
  /** Videos done of all, at each tenth. */
  onProgress?: OnProgress;
}

/** A path inside the project as the repository names it (data/models/…), else as given. */
function projectRelative(file: string): string {
  const rel = relative(projectRoot, file);
  return rel.startsWith("..") ? file : rel.split(sep).join("/");
}

export async function extractFeatures(options: ExtractOptions): Promise<FeatureManifest> {
  const videosDir = await resolveInputFolder(options.videos);
  refuseAspectsNotDrawn(videosDir, options.aspects);
  // The folder is this run's: features of a larger earlier run do not stay beside these.
  ownOutputFolder(options.out);
  const encoder = await openFrameEncoder(options.encoder ?? DEFAULT_ENCODER);
  const size = encoder.inputSize[0];
  const shape: [number, number] = [FRAMES_PER_VIDEO * encoder.tokensPerFrame, encoder.tokenDim];
  const listed: AspectVideos[] = [];
  for (const aspect of options.aspects) listed.push(await listAspectVideos(videosDir, aspect));
  const jobs: { video: string; target: string }[] = [];
  for (const { aspect, classes, videos } of listed)
    for (const split of ["train", "val"] as const)
      classes.forEach((className, c) => {
        for (const video of videos[split][c])
          jobs.push({
            video,
            target: join(
              options.out,
              aspect.name,
              split,
              className,
              `${basename(video).replace(/\.[^.]+$/, "")}.npy`,
            ),
          });
      });
  const progress = tenthsProgress(options.onProgress, "videos");
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const frames = await decodeFrames(job.video, size, size);
      const features = await encoder.encode(
        frames.rgb,
        sampleFrameIndices(frames.count, FRAMES_PER_VIDEO),
      );
      await writeFileAtomic(job.target, npyBytes(shape, features));
      progress(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  for (const entry of listed) await writeContactSheet(options.out, entry);
  const { encode: _, ...record } = encoder;
  const manifest: FeatureManifest = {
    ...record,
    weightsFile: record.weightsFile && projectRelative(record.weightsFile),
    framesPerVideo: FRAMES_PER_VIDEO,
    shape,
    aspects: Object.fromEntries(
      listed.map(({ aspect, classes, videos }) => [
        aspect.name,
        { classes, train: videos.train.flat().length, val: videos.val.flat().length },
      ]),
    ),
  };
  await writeFileAtomic(
    join(options.out, FEATURE_MANIFEST),
    `${JSON.stringify(manifest, null, 1)}\n`,
  );
  return manifest;
}

/** Rows: the first validation video of each class; columns: its 8 sampled frames. */
async function writeContactSheet(
  out: string,
  { aspect, classes, videos }: AspectVideos,
): Promise<void> {
  const tile = SHEET_TILE;
  const width = tile * FRAMES_PER_VIDEO;
  const height = tile * classes.length;
  const sheet = new Uint8Array(width * height * 3);
  for (let row = 0; row < classes.length; row++) {
    const frames = await decodeFrames(videos.val[row][0], tile, tile);
    sampleFrameIndices(frames.count, FRAMES_PER_VIDEO).forEach((f, col) => {
      for (let y = 0; y < tile; y++) {
        const from = (f * tile * tile + y * tile) * 3;
        const to = ((row * tile + y) * width + col * tile) * 3;
        sheet.set(frames.rgb.subarray(from, from + tile * 3), to);
      }
    });
  }
  await mkdir(join(out, "contact_sheets"), { recursive: true });
  await writePng(join(out, "contact_sheets", `${aspect.name}.png`), sheet, width, height);
}
