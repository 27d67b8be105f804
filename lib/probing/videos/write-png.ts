/** Packed RGB pixels to a PNG file, encoded by ffmpeg, atomically (ffmpeg-from-rgb.ts). */
import { ffmpegFromRgb } from "./ffmpeg-from-rgb";

export async function writePng(
  target: string,
  rgb: Uint8Array,
  width: number,
  height: number,
): Promise<void> {
  await ffmpegFromRgb(target, [rgb], {
    width,
    height,
    outputOptions: ["-frames:v 1", "-c:v png", "-fflags +bitexact", "-flags +bitexact"],
    format: "image2",
    action: "write",
  });
}
