/**
 * Visual tokens of a record's media slots under a vision model, with image sizes read
 * from file headers when an image folder is given (cached per path), else the stated
 * default; video sizes and durations from ffprobe when a video folder is given (probed
 * beforehand: see probe-video-files.ts), else the stated defaults. Reports how many
 * images and videos were missing or defaulted.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { InputError } from "../../errors/index";
import type { MediaSlot } from "../template/chat-template-pieces";
import {
  LlamaFactoryResizeError,
  llamaFactoryEvenFrames,
  llamaFactoryVideoFrames,
} from "./llamafactory-media";
import { longvaImageTokens, longvaVideoTokens } from "./longva-visual-tokens";
import { knownVideoInfo, videoFilePath } from "./probe-video-files";
import {
  qwen2vlImageTokens,
  qwen2vlVideoFrames,
  qwen2vlVideoTokens,
} from "./qwen2vl-visual-tokens";
import { ImageHeaderError, readImageSize } from "./read-image-size";
import type { VideoInfo } from "./read-video-info";
import type { VisualSettings } from "./visual-settings";

export interface VisualCount {
  tokens: number;
  /** Images whose file did not exist (counted with the default size). */
  missing: number;
  /** Videos whose file did not exist (counted with the default size and frames). */
  missingVideos: number;
  /** Images counted with the default size because no image folder was given. */
  defaulted: number;
}

const sizeCache = new Map<string, { width: number; height: number } | null>();

function imageSize(
  path: string,
  settings: VisualSettings,
  where: { file: string; record: number; field: string },
): { size: { width: number; height: number }; missing: boolean } {
  const full = isAbsolute(path) || !settings.imageFolder ? path : join(settings.imageFolder, path);
  let size = sizeCache.get(full);
  if (size === undefined) {
    if (!existsSync(full)) {
      size = null;
    } else {
      try {
        size = readImageSize(full);
      } catch (err) {
        if (err instanceof ImageHeaderError) {
          throw new InputError(where, `cannot read the size of ${full}: ${err.message}`);
        }
        throw err;
      }
    }
    sizeCache.set(full, size);
  }
  if (size !== null) return { size, missing: false };
  if (settings.missingImages === "default")
    return { size: settings.defaultImageSize, missing: true };
  throw new InputError(
    where,
    `image ${full} does not exist (pass --missing-images default to count it as ${settings.defaultImageSize.width}x${settings.defaultImageSize.height})`,
  );
}

function qwen2vlFrames(settings: VisualSettings): number {
  const lf = settings.llamaFactory;
  if (settings.videoSeconds === undefined) {
    return lf
      ? llamaFactoryEvenFrames(Math.min(settings.videoFrames, lf.videoMaxlen), lf.version)
      : settings.videoFrames;
  }
  if (lf) return llamaFactoryVideoFrames(Number.POSITIVE_INFINITY, settings.videoSeconds, lf);
  return qwen2vlVideoFrames(settings.videoSeconds, settings.videoFps);
}

/**
 * Frames LLaMA-Factory samples of a probed video, from what PyAV gives it: the stream's
 * frame count header and duration. A video it cannot sample is an InputError.
 */
function llamaFactoryFrames(
  info: VideoInfo,
  settings: VisualSettings,
  full: string,
  where: { file: string; record: number; field: string },
): number {
  const lf = settings.llamaFactory!;
  const tag = `LLaMA-Factory v${lf.version}`;
  // v0.9.2 reads no duration when the container keeps no frame count (L147-148).
  const needsDuration = lf.version === "0.9.1" || info.headerFrames > 0;
  if (needsDuration && info.streamSeconds === undefined) {
    throw new InputError(
      where,
      `video ${full}: its stream keeps no duration, which ${tag} reads (PyAV's stream.duration is None)`,
    );
  }
  const frames = llamaFactoryVideoFrames(
    info.headerFrames,
    info.streamSeconds ?? 0,
    lf,
    info.frames,
  );
  if (frames < 2) {
    const why =
      info.headerFrames === 0
        ? "its container keeps no frame count"
        : `${info.streamSeconds} s at video_fps ${lf.videoFps}`;
    throw new InputError(where, `video ${full}: ${tag} samples no frame of it (${why})`);
  }
  return frames;
}

/** `count()`, with a size LLaMA-Factory cannot resize to as an InputError on the record. */
function withResizeErrors(
  where: { file: string; record: number; field: string },
  path: string | undefined,
  count: () => number,
): number {
  try {
    return count();
  } catch (err) {
    if (err instanceof LlamaFactoryResizeError)
      throw new InputError(where, path === undefined ? err.message : `${path}: ${err.message}`);
    throw err;
  }
}

const videoExists = new Map<string, boolean>();

/** Tokens of one video slot; `missing` when its file does not exist and was defaulted. */
function videoTokens(
  path: string | undefined,
  settings: VisualSettings,
  where: { file: string; record: number; field: string },
): { tokens: number; missing: boolean } {
  const defaults = () =>
    settings.vision === "longva"
      ? longvaVideoTokens(settings.videoFrames)
      : withResizeErrors(where, undefined, () =>
          qwen2vlVideoTokens(
            qwen2vlFrames(settings),
            settings.videoSize.width,
            settings.videoSize.height,
            settings,
          ),
        );
  if (settings.videoFolder === undefined || path === undefined) {
    return { tokens: defaults(), missing: false };
  }
  const full = videoFilePath(path, settings.videoFolder);
  let exists: boolean;
  if (settings.vision === "qwen2vl") {
    const info = knownVideoInfo(full, settings);
    if (info === undefined) throw new Error(`video ${full} was not probed before counting`);
    if (info !== null) {
      if (settings.llamaFactory) {
        const frames = llamaFactoryFrames(info, settings, full, where);
        return {
          tokens: withResizeErrors(where, full, () =>
            qwen2vlVideoTokens(frames, info.width, info.height, settings),
          ),
          missing: false,
        };
      }
      // smart_nframes works from decord's frame count and average fps.
      const seconds = info.frames / info.fps;
      const frames = qwen2vlVideoFrames(seconds, settings.videoFps, info.frames);
      if (frames < 2) {
        throw new InputError(
          where,
          `video ${full} has ${info.frames} frame(s): qwen-vl-utils needs at least 2`,
        );
      }
      return {
        tokens: qwen2vlVideoTokens(frames, info.width, info.height, settings),
        missing: false,
      };
    }
    exists = false;
  } else {
    // LongVA samples a fixed frame count of a fixed-size frame: only existence matters.
    let known = videoExists.get(full);
    if (known === undefined) {
      known = existsSync(full);
      videoExists.set(full, known);
    }
    exists = known;
  }
  if (exists) return { tokens: defaults(), missing: false };
  if (settings.missingImages === "default") return { tokens: defaults(), missing: true };
  throw new InputError(
    where,
    `video ${full} does not exist (pass --missing-images default to count it as ${settings.videoSize.width}x${settings.videoSize.height})`,
  );
}

/** Visual tokens of `media` (slots of record `index` of `file`). */
export function countVisualTokens(
  media: readonly MediaSlot[],
  settings: VisualSettings,
  file: string,
  index: number,
  mediaField: string,
  videoField = mediaField,
): VisualCount {
  const out: VisualCount = { tokens: 0, missing: 0, missingVideos: 0, defaulted: 0 };
  if (settings.vision === "none") return out;
  const images = media.filter((m) => m.kind === "image").length;
  const videos = media.length - images;
  let k = -1;
  let v = -1;
  for (const slot of media) {
    if (slot.kind === "video") {
      v++;
      const field = videos > 1 ? `${videoField}[${v}]` : videoField;
      const video = videoTokens(slot.path, settings, { file, record: index, field });
      out.tokens += video.tokens;
      if (video.missing) out.missingVideos++;
      continue;
    }
    k++;
    let size = settings.defaultImageSize;
    const field = images > 1 ? `${mediaField}[${k}]` : mediaField;
    if (settings.imageFolder !== undefined && slot.path !== undefined) {
      const found = imageSize(slot.path, settings, { file, record: index, field });
      size = found.size;
      if (found.missing) out.missing++;
    } else {
      out.defaulted++;
    }
    const { width, height } = size;
    out.tokens +=
      settings.vision === "longva"
        ? longvaImageTokens(width, height)
        : withResizeErrors({ file, record: index, field }, slot.path, () =>
            qwen2vlImageTokens(width, height, settings),
          );
  }
  return out;
}
