/**
 * What LLaMA-Factory does to images and videos before Qwen2-VL's processor sees them, as
 * each tag does it. The T3 7B config (t3_sft/qwen_exp/7b/llama_factory_7b_config.yaml) sets
 * none of these keys, so the run takes its codebase's defaults; the release was made with
 * v0.9.1. v0.9.2 renamed the keys, changed the defaults and two rules:
 *
 * | | v0.9.1 | v0.9.2 |
 * |---|---|---|
 * | image cap | `image_resolution` 512·512 | `image_max_pixels` 768·768 |
 * | image floor | none | `image_min_pixels` 32·32 (scaled up, `int` truncation) |
 * | video frame cap | `video_resolution` 128·128 | `video_max_pixels` 256·256 |
 * | video frame floor | none | `video_min_pixels` 16·16 |
 * | frames | floor(min(total, maxlen 64, seconds·fps)), floored to even | min(total, maxlen 128, floor(seconds·fps)), an odd count gets its last frame again |
 * | no frame count in the container | no frame | the first `video_maxlen` frames |
 *
 * Sources (hiyouga/LLaMA-Factory, src/llamafactory/):
 * - v0.9.1 (57354fc) data/mm_plugin.py: BasePlugin._preprocess_image L80-93,
 *   _get_video_sample_frames L95-103, _regularize_videos L129-149, defaults in
 *   _get_mm_inputs L172-185; Qwen2vlPlugin._preprocess_image L535-549,
 *   _get_video_sample_frames L551-555.
 * - v0.9.2 (e2299e2) data/mm_plugin.py: MMPluginMixin._preprocess_image L119-138,
 *   _get_video_sample_indices L140-152; Qwen2VLPlugin._preprocess_image L1040-1055,
 *   _regularize_videos L1057-1082 (even frames L1072-1073), defaults in _get_mm_inputs
 *   L1094-1109; hparams/model_args.py ProcessorArguments L219-242 (the same defaults),
 *   set on the processor by model/patcher.py L83-88.
 * Later tags differ again (v0.9.3: at least one frame, `max(1, …)`): not read here.
 */

export const llamaFactoryVersions = ["0.9.1", "0.9.2"] as const;
export type LlamaFactoryVersion = (typeof llamaFactoryVersions)[number];

/** The limits one LLaMA-Factory run applies, and the tag whose rules apply them. */
export interface LlamaFactoryMediaLimits {
  /** Whose rules: the frame count, its evening and the pixel floors differ. */
  version: LlamaFactoryVersion;
  /** v0.9.1 `image_resolution`; v0.9.2 `image_max_pixels`. */
  imageMaxPixels: number;
  /** v0.9.2 `image_min_pixels`; 0 in v0.9.1 (no floor). */
  imageMinPixels: number;
  /** v0.9.1 `video_resolution`; v0.9.2 `video_max_pixels`. */
  videoMaxPixels: number;
  /** v0.9.2 `video_min_pixels`; 0 in v0.9.1. */
  videoMinPixels: number;
  /** `video_fps`. */
  videoFps: number;
  /** `video_maxlen`. */
  videoMaxlen: number;
}

/** Each tag's defaults (what a config without the keys gets). */
export const llamaFactoryLimits: Readonly<Record<LlamaFactoryVersion, LlamaFactoryMediaLimits>> = {
  // v0.9.1 mm_plugin.py L175 (512 * 512), L182 (128 * 128), L183 (2.0), L184 (64).
  "0.9.1": {
    version: "0.9.1",
    imageMaxPixels: 512 * 512,
    imageMinPixels: 0,
    videoMaxPixels: 128 * 128,
    videoMinPixels: 0,
    videoFps: 2.0,
    videoMaxlen: 64,
  },
  // v0.9.2 mm_plugin.py L1097-1098 (768 * 768, 32 * 32), L1105-1108 (256 * 256, 16 * 16,
  // 2.0, 128); model_args.py L219-242.
  "0.9.2": {
    version: "0.9.2",
    imageMaxPixels: 768 * 768,
    imageMinPixels: 32 * 32,
    videoMaxPixels: 256 * 256,
    videoMinPixels: 16 * 16,
    videoFps: 2.0,
    videoMaxlen: 128,
  },
};

/** LLaMA-Factory v0.9.1's defaults: the released T3 7B run's. */
export const llamaFactoryV091Limits = llamaFactoryLimits["0.9.1"];

/**
 * A size PIL cannot resize to: the shrink truncated a side to 0 (an aspect ratio beyond
 * the pixel cap), and `Image.resize` raises "height and width must be > 0". LLaMA-Factory
 * stops on such a record.
 */
export class LlamaFactoryResizeError extends Error {
  constructor(width: number, height: number, maxPixels: number) {
    super(
      `LLaMA-Factory cannot load a ${width}x${height} image: shrinking it to ${maxPixels} pixels makes a side 0 (PIL: height and width must be > 0)`,
    );
    this.name = "LlamaFactoryResizeError";
  }
}

/**
 * The size LLaMA-Factory hands Qwen2-VL's processor: shrunk to at most `maxPixels` (sides
 * scaled by sqrt(max/(w·h)) and truncated by `int`), then (v0.9.2) grown to at least
 * `minPixels` the same way, then Qwen2vlPlugin's fixes: each side at least 28, an aspect
 * ratio over 200 cut to 180. Returns [width, height]; throws LlamaFactoryResizeError where
 * PIL would.
 */
export function llamaFactoryImageSize(
  width: number,
  height: number,
  maxPixels: number,
  minPixels = 0,
): [number, number] {
  let w = width;
  let h = height;
  if (w * h > maxPixels) {
    const factor = Math.sqrt(maxPixels / (w * h));
    [w, h] = [Math.trunc(w * factor), Math.trunc(h * factor)];
    if (w === 0 || h === 0) throw new LlamaFactoryResizeError(width, height, maxPixels);
  }
  if (w * h < minPixels) {
    const factor = Math.sqrt(minPixels / (w * h));
    [w, h] = [Math.trunc(w * factor), Math.trunc(h * factor)];
  }
  if (Math.min(w, h) < 28) [w, h] = [Math.max(w, 28), Math.max(h, 28)];
  if (w / h > 200) [w, h] = [h * 180, h];
  if (h / w > 200) h = w * 180;
  return [w, h];
}

/**
 * Qwen2-VL needs an even frame count: v0.9.1 floors the count to even (L554), v0.9.2 repeats
 * the last frame of an odd one (L1072-1073).
 */
export function llamaFactoryEvenFrames(frames: number, version: LlamaFactoryVersion): number {
  const even = Math.floor(frames / 2) * 2;
  return version === "0.9.1" || even === frames ? even : even + 2;
}

/**
 * Frames LLaMA-Factory samples of a video, made even; 0 is a video it cannot train on.
 * `headerFrames` is PyAV's `stream.frames` (the container's frame count, 0 when it keeps
 * none), `seconds` the stream's duration (`duration · time_base`), `decodedFrames` the
 * frames the file holds (what decoding meets; by default `headerFrames`).
 * - v0.9.1: floor(min(total, maxlen, seconds·fps)); a container without a count gives 0.
 * - v0.9.2: min(total, maxlen, floor(seconds·fps)) indices by np.linspace, which are
 *   distinct; without a count, indices 0..maxlen-1, of which the file holds decodedFrames.
 */
export function llamaFactoryVideoFrames(
  headerFrames: number,
  seconds: number,
  limits: LlamaFactoryMediaLimits,
  decodedFrames = headerFrames,
): number {
  if (limits.version === "0.9.1") {
    const frames = Math.min(headerFrames, limits.videoMaxlen, seconds * limits.videoFps);
    return llamaFactoryEvenFrames(Math.floor(frames), "0.9.1");
  }
  const sampled =
    headerFrames === 0
      ? Math.min(limits.videoMaxlen, decodedFrames)
      : Math.min(headerFrames, limits.videoMaxlen, Math.floor(seconds * limits.videoFps));
  return llamaFactoryEvenFrames(sampled, "0.9.2");
}
