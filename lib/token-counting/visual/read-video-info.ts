/**
 * A video's frame size, duration, frame rate and frame count, read from its container and
 * stream headers by ffprobe (through fluent-ffmpeg) without decoding a frame. What
 * qwen-vl-utils needs to size and sample a video: `smart_nframes` works from the frame
 * count and the average frame rate (decord's `len(vr)` and `get_avg_fps()`), `smart_resize`
 * from the frame size.
 */
import type ffmpeg from "fluent-ffmpeg";
import { UserFacingError } from "../../errors/index";

export interface VideoInfo {
  /** Displayed width: the stored width, or the stored height when rotated by 90/270°. */
  width: number;
  /** Displayed height. */
  height: number;
  /** Rotation from the display matrix or the legacy `rotate` tag, in 0, 90, 180, 270. */
  rotation: number;
  /** Duration of the video stream in seconds (the container's when the stream has none). */
  seconds: number;
  /** Average frame rate (frames per second). */
  fps: number;
  /** Frames in the stream: its frame count header, else round(seconds · fps). */
  frames: number;
  /**
   * The stream's frame count header (ffprobe's `nb_frames`; PyAV's `stream.frames`, which
   * LLaMA-Factory reads): 0 when the container keeps none (Matroska/WebM).
   */
  headerFrames: number;
  /**
   * The stream's own duration, `duration_ts · time_base` as an exact fraction rounded once
   * (PyAV's `float(stream.duration * stream.time_base)`, which LLaMA-Factory reads); absent
   * when the stream keeps none (PyAV's `stream.duration` is None).
   */
  streamSeconds?: number;
}

/** ffprobe ran but the file has no readable video stream. */
export class VideoProbeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VideoProbeError";
  }
}

/** ffprobe is not installed (or FFPROBE_PATH points at nothing). */
export class FfprobeMissingError extends UserFacingError {
  constructor(detail: string) {
    super(
      `cannot run ffprobe (${detail}): install ffmpeg (Debian: apt-get install ffmpeg) or set FFPROBE_PATH to the ffprobe binary`,
    );
    this.name = "FfprobeMissingError";
  }
}

function probe(path: string): Promise<ffmpeg.FfprobeData> {
  return new Promise((resolve, reject) => {
    // fluent-ffmpeg loads with the first probe: importing the counting floor costs nothing.
    (require("fluent-ffmpeg") as typeof ffmpeg).ffprobe(
      path,
      (err: Error | null, data: ffmpeg.FfprobeData) => {
        if (!err) return resolve(data);
        const code = (err as NodeJS.ErrnoException).code;
        if (/Cannot find ffprobe/.test(err.message) || code === "ENOENT" || code === "EACCES") {
          return reject(new FfprobeMissingError(err.message.split("\n")[0]));
        }
        // ffprobe's stderr ends its message: keep the last line, the reason.
        const lines = err.message.trim().split("\n");
        reject(new VideoProbeError(`ffprobe failed: ${lines[lines.length - 1]}`));
      },
    );
  });
}

/** "30000/1001" or "25" → a number; NaN for "0/0", "N/A" and missing values. */
function rational(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return Number.NaN;
  const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(value);
  if (m) return Number(m[2]) === 0 ? Number.NaN : Number(m[1]) / Number(m[2]);
  return value.trim() === "" ? Number.NaN : Number(value);
}

/**
 * `duration_ts · time_base` ("1/30000") rounded once, as float(Fraction) is: both are
 * integers below 2^53, so the one division rounds as CPython's does.
 */
function streamSecondsOf(stream: ffmpeg.FfprobeStream): number | undefined {
  const ticks = Number(stream.duration_ts);
  const base = /^(\d+)\/(\d+)$/.exec(String(stream.time_base ?? ""));
  if (!Number.isSafeInteger(ticks) || ticks <= 0 || !base) return undefined;
  const [num, den] = [Number(base[1]), Number(base[2])];
  if (den === 0 || !Number.isSafeInteger(ticks * num)) return undefined;
  return (ticks * num) / den;
}

/** Rotation in 0..359 from ffprobe's side data (`rotation=-90`) or a `rotate` tag. */
function rotationOf(stream: ffmpeg.FfprobeStream): number {
  const raw = (stream as Record<string, unknown>).rotation ?? stream.tags?.rotate;
  const degrees = rational(raw);
  if (!Number.isFinite(degrees)) return 0;
  return (((Math.round(degrees) % 360) + 360) % 360) as number;
}

/** The video facts of ffprobe's answer; throws VideoProbeError when it has no video. */
export function videoInfoFromProbe(data: ffmpeg.FfprobeData): VideoInfo {
  // Cover art is a one-frame "video" stream marked attached_pic: skip it.
  const stream = data.streams.find(
    (s) => s.codec_type === "video" && !(s.disposition && s.disposition.attached_pic === 1),
  );
  if (!stream) throw new VideoProbeError("no video stream");
  const storedWidth = Number(stream.width);
  const storedHeight = Number(stream.height);
  if (!(storedWidth > 0 && storedHeight > 0)) throw new VideoProbeError("video stream has no size");
  const fps = [stream.avg_frame_rate, stream.r_frame_rate]
    .map(rational)
    .find((x) => Number.isFinite(x) && x > 0);
  if (fps === undefined) throw new VideoProbeError("video stream has no frame rate");
  const seconds = [stream.duration, data.format.duration]
    .map(rational)
    .find((x) => Number.isFinite(x) && x > 0);
  const counted = rational(stream.nb_frames);
  const frames =
    Number.isFinite(counted) && counted > 0 ? counted : Math.round((seconds ?? 0) * fps);
  if (seconds === undefined && !(frames > 0)) throw new VideoProbeError("video has no duration");
  const streamSeconds = streamSecondsOf(stream);
  const rotation = rotationOf(stream);
  const turned = rotation === 90 || rotation === 270;
  return {
    width: turned ? storedHeight : storedWidth,
    height: turned ? storedWidth : storedHeight,
    rotation,
    seconds: seconds ?? frames / fps,
    fps,
    frames,
    headerFrames: Number.isFinite(counted) && counted > 0 ? counted : 0,
    ...(streamSeconds === undefined ? {} : { streamSeconds }),
  };
}

/**
 * Size, duration, frame rate and frame count of the video at `path`. Rejects with
 * FfprobeMissingError when ffprobe cannot be run, VideoProbeError when the file is not a
 * video ffprobe can read.
 */
export async function readVideoInfo(path: string): Promise<VideoInfo> {
  return videoInfoFromProbe(await probe(path));
}

/** Video facts by full path; null marks a file that does not exist. */
export type VideoInfoTable = Record<string, VideoInfo | null>;
