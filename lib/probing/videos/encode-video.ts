/**
 * Encodes planned frames to an H.264 MP4 with ffmpeg: raw RGB frames go in on stdin and
 * the file appears only when ffmpeg has finished (ffmpeg-from-rgb.ts). One encoder thread
 * and bit-exact flags make the same frames give the same bytes.
 */
import { ffmpegFromRgb } from "./ffmpeg-from-rgb";

export async function encodeVideo(
  target: string,
  frames: Iterable<Uint8Array>,
  width: number,
  height: number,
  fps: number,
): Promise<void> {
  await ffmpegFromRgb(target, frames, {
    width,
    height,
    inputOptions: [`-framerate ${fps}`],
    outputOptions: [
      "-c:v libx264",
      "-preset veryfast",
      "-crf 18",
      "-pix_fmt yuv420p",
      "-threads 1",
      "-x264-params threads=1",
      "-fflags +bitexact",
      "-flags +bitexact",
      "-map_metadata -1",
      "-movflags +faststart",
    ],
    format: "mp4",
    action: "encode",
  });
}
