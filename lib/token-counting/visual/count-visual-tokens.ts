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
import { longvaImageTokens, longvaVideoTokens } from "./longva-visual-tokens";
import { knownVideoInfo, videoFilePath } from "./probe-video-files";
import {
  llamaFactoryVideoFrames,
  qwen2vlImageTokens,
  qwen2vlVideoFrames,
  qwen2vlVideoTokens,
} from "./qwen2vl-visual-tokens";
import { ImageHeaderError, readImageSize } from "./read-image-size";
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
    return lf ? Math.min(settings.videoFrames, lf.videoMaxlen) : settings.videoFrames;
  }
  if (lf) return llamaFactoryVideoFrames(Number.POSITIVE_INFINITY, settings.videoSeconds, lf);
  return qwen2vlVideoFrames(settings.videoSeconds, settings.videoFps);
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
      : qwen2vlVideoTokens(
          qwen2vlFrames(settings),
          settings.videoSize.width,
          settings.videoSize.height,
          settings,
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
      // smart_nframes works from decord's frame count and average fps.
      const seconds = info.frames / info.fps;
      const frames = settings.llamaFactory
        ? llamaFactoryVideoFrames(info.frames, seconds, settings.llamaFactory)
        : qwen2vlVideoFrames(seconds, settings.videoFps, info.frames);
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
    if (settings.imageFolder !== undefined && slot.path !== undefined) {
      const field = images > 1 ? `${mediaField}[${k}]` : mediaField;
      const found = imageSize(slot.path, settings, { file, record: index, field });
      size = found.size;
      if (found.missing) out.missing++;
    } else {
      out.defaulted++;
    }
    out.tokens +=
      settings.vision === "longva"
        ? longvaImageTokens(size.width, size.height)
        : qwen2vlImageTokens(size.width, size.height, settings);
  }
  return out;
}
