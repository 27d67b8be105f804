import type { Qwen2vlVisionSettings } from "./qwen2vl-visual-tokens";
/**
 * How visual tokens are computed: which model's formula, where image files live, and the
 * stated defaults used when a size cannot be read.
 */
import type { VideoInfoTable } from "./read-video-info";

export const visionModels = ["longva", "qwen2vl", "none"] as const;
export type VisionModel = (typeof visionModels)[number];

export interface VisualSettings extends Qwen2vlVisionSettings {
  /** Which formula; `none` counts no visual tokens. */
  vision: VisionModel;
  /**
   * Folder that image paths are relative to (LLaVA's `--image_folder`). Without it no
   * image file is opened and every image gets `defaultImageSize`.
   */
  imageFolder?: string;
  /**
   * Folder that video paths are relative to (LLaVA-NeXT's `--video_folder`; absolute paths
   * are used as they are). With it, Qwen2-VL video tokens come from each file's real size,
   * frame count and frame rate (ffprobe), and a missing video follows `missingImages`.
   * Without it every video gets `videoSize` and `videoFrames`/`videoSeconds`.
   */
  videoFolder?: string;
  /** Probed videos by full path (see probeVideoFiles); filled by the counting pre-pass. */
  videoInfo?: VideoInfoTable;
  /** Size used when no file is read: default 640×480, the common COCO size. */
  defaultImageSize: { width: number; height: number };
  /**
   * An image or video path that does not exist: an error (default) or counted with the
   * default size (and, for a video, the default frames).
   */
  missingImages: "error" | "default";
  /**
   * Frames sampled per video: default 8 (the T3 72B run's NFRAMES; LongVA probing). LongVA
   * always samples this many; Qwen2-VL only for videos not read and without `videoSeconds`.
   */
  videoFrames: number;
  /**
   * Video duration in seconds: when set, Qwen2-VL samples `videoFps` frames per second
   * (qwen-vl-utils `smart_nframes`: 4..768, even) instead of `videoFrames`.
   */
  videoSeconds?: number;
  /** Qwen2-VL sampling rate for `videoSeconds` and read videos (default 2, qwen-vl-utils' FPS). */
  videoFps?: number;
  /** Frame size of videos not read (no `videoFolder`, or missing): default 640×360. */
  videoSize: { width: number; height: number };
}

/** The stated defaults. */
export const defaultVisualSettings: VisualSettings = {
  vision: "longva",
  defaultImageSize: { width: 640, height: 480 },
  missingImages: "error",
  videoFrames: 8,
  videoSize: { width: 640, height: 360 },
};

/** Parses "640x480". */
export function parseSize(text: string): { width: number; height: number } | undefined {
  const m = /^(\d+)x(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
