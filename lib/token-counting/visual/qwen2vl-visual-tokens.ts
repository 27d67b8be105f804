/**
 * Visual tokens Qwen2-VL feeds its LLM per image and per video.
 *
 * Sources: transformers `models/qwen2_vl/image_processing_qwen2_vl.py` (`smart_resize`,
 * patch_size 14, merge_size 2, temporal_patch_size 2, defaults min_pixels 56·56 and
 * max_pixels 28·28·1280) and QwenLM `qwen-vl-utils` `vision_process.py` (video: FPS 2,
 * 4..768 frames rounded to an even count, VIDEO_MIN_PIXELS 128·28·28, VIDEO_MAX_PIXELS
 * 768·28·28, VIDEO_TOTAL_PIXELS 24576·28·28). The LLM sees one token per 28×28 area
 * (14-pixel patches merged 2×2) per 2 frames, wrapped in <|vision_start|> … <|vision_end|>.
 * LLaMA-Factory's own limits come first when set (llamafactory-media.ts).
 */
import {
  type LlamaFactoryMediaLimits,
  llamaFactoryEvenFrames,
  llamaFactoryImageSize,
} from "./llamafactory-media";

/** 28 = patch 14 · spatial merge 2: resized sides are multiples of it. */
export const qwen2vlFactor = 28;
/** transformers' Qwen2-VL image processor default min_pixels. */
export const qwen2vlMinPixels = 56 * 56;
/** transformers' Qwen2-VL image processor default max_pixels (1280 tokens). */
export const qwen2vlMaxPixels = 28 * 28 * 1280;
/** qwen-vl-utils video defaults. */
export const qwen2vlVideoMinPixels = 128 * 28 * 28;
export const qwen2vlVideoMaxPixels = 768 * 28 * 28;
export const qwen2vlVideoTotalPixels = 24576 * 28 * 28;
export const qwen2vlVideoFps = 2;
export const qwen2vlVideoMinFrames = 4;
export const qwen2vlVideoMaxFrames = 768;
/** <|vision_start|> and <|vision_end|> around each image or video. */
export const qwen2vlVisionWrapperTokens = 2;

/** Python 3's round(): halves go to the even neighbour. */
export function pythonRound(x: number): number {
  const r = Math.round(x);
  const even = Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return even === 0 ? 0 : even; // never -0
}

/**
 * transformers' `smart_resize`: sides rounded to multiples of 28, then scaled down (floor)
 * when the area exceeds max_pixels or up (ceil) when below min_pixels, keeping the aspect.
 * Returns [height, width].
 */
export function smartResize(
  height: number,
  width: number,
  minPixels = qwen2vlMinPixels,
  maxPixels = qwen2vlMaxPixels,
  factor = qwen2vlFactor,
): [number, number] {
  let h = Math.max(factor, pythonRound(height / factor) * factor);
  let w = Math.max(factor, pythonRound(width / factor) * factor);
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.max(factor, Math.floor(height / beta / factor) * factor);
    w = Math.max(factor, Math.floor(width / beta / factor) * factor);
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return [h, w];
}

/** Settings that change Qwen2-VL's visual token counts. */
export interface Qwen2vlVisionSettings {
  /**
   * Count as LLaMA-Factory does (its limits first, then the processor's defaults), not as
   * raw Qwen2-VL / qwen-vl-utils; the 7B preset's run.
   */
  llamaFactory?: LlamaFactoryMediaLimits;
  /** Image min_pixels (default 56·56). */
  minPixels?: number;
  /** Image max_pixels (default 28·28·1280; the T3 72B run: MAX_PIXELS 401408). */
  maxPixels?: number;
  /** Video max pixels per frame (default VIDEO_MAX_PIXELS 768·28·28). */
  videoMaxPixels?: number;
}

/** Tokens of one image: (H'/28)·(W'/28) + 2. */
export function qwen2vlImageTokens(
  width: number,
  height: number,
  settings: Qwen2vlVisionSettings = {},
): number {
  const lf = settings.llamaFactory;
  const [w0, h0] = lf
    ? llamaFactoryImageSize(width, height, lf.imageMaxPixels, lf.imageMinPixels)
    : [width, height];
  const [h, w] = smartResize(
    h0,
    w0,
    settings.minPixels ?? qwen2vlMinPixels,
    settings.maxPixels ?? qwen2vlMaxPixels,
  );
  return (h / qwen2vlFactor) * (w / qwen2vlFactor) + qwen2vlVisionWrapperTokens;
}

/**
 * qwen-vl-utils `smart_nframes` for a video of `seconds` at `fps` sampling: frames =
 * seconds·fps, clamped to 4..min(768, totalFrames) and to totalFrames, floored to an even
 * count. With the file's real `totalFrames` (decord's `len(vr)`; seconds = totalFrames /
 * the video's average fps) a short video gets fewer than 4 frames, as in qwen-vl-utils; a
 * result below 2 is a video qwen-vl-utils rejects (ValueError). Without it (a stated
 * duration) the frame count is unbounded, and at least 2.
 */
export function qwen2vlVideoFrames(
  seconds: number,
  fps = qwen2vlVideoFps,
  totalFrames?: number,
): number {
  const floorEven = (x: number) => Math.floor(x / 2) * 2;
  const wanted = seconds * fps;
  if (totalFrames === undefined) {
    const clamped = Math.min(Math.max(wanted, qwen2vlVideoMinFrames), qwen2vlVideoMaxFrames);
    return Math.max(2, floorEven(clamped));
  }
  // min_frames = ceil_by_factor(FPS_MIN_FRAMES, 2); max_frames = floor_by_factor(min(768, total), 2)
  const maxFrames = floorEven(Math.min(qwen2vlVideoMaxFrames, totalFrames));
  return floorEven(
    Math.min(Math.min(Math.max(wanted, qwen2vlVideoMinFrames), maxFrames), totalFrames),
  );
}

/**
 * Tokens of one video of `frames` sampled frames (rounded to an even count, as
 * qwen-vl-utils does) of `width`×`height`: ceil(T/2)·(H'/28)·(W'/28) + 2, where the frame
 * area is capped at max(min(VIDEO_MAX_PIXELS, VIDEO_TOTAL_PIXELS/T·2), 1.05·VIDEO_MIN_PIXELS).
 */
export function qwen2vlVideoTokens(
  frames: number,
  width: number,
  height: number,
  settings: Qwen2vlVisionSettings = {},
): number {
  const lf = settings.llamaFactory;
  if (lf) {
    // Every frame sized as an image, then the image processor's own smart_resize
    // (Qwen2VLImageProcessor: min 56·56, max 28·28·1280), two frames per temporal patch.
    const [w0, h0] = llamaFactoryImageSize(width, height, lf.videoMaxPixels, lf.videoMinPixels);
    const [h, w] = smartResize(h0, w0);
    const t = Math.max(2, llamaFactoryEvenFrames(frames, lf.version));
    return (t / 2) * (h / qwen2vlFactor) * (w / qwen2vlFactor) + qwen2vlVisionWrapperTokens;
  }
  const t = Math.max(2, pythonRound(frames / 2) * 2);
  const maxPixels = Math.max(
    Math.min(settings.videoMaxPixels ?? qwen2vlVideoMaxPixels, (qwen2vlVideoTotalPixels / t) * 2),
    Math.trunc(qwen2vlVideoMinPixels * 1.05),
  );
  const [h, w] = smartResize(height, width, qwen2vlVideoMinPixels, maxPixels);
  return Math.ceil(t / 2) * (h / qwen2vlFactor) * (w / qwen2vlFactor) + qwen2vlVisionWrapperTokens;
}
