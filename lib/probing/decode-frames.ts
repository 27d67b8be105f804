/**
 * Decodes every frame of a video to packed RGB with ffmpeg (through fluent-ffmpeg), scaled
 * to `width` x `height` by area averaging. The frame count is what ffmpeg decodes, the
 * count decord's `len(vr)` reports for these constant-rate files.
 */
import { PassThrough } from "node:stream";
import ffmpeg from "fluent-ffmpeg";

export interface DecodedFrames {
  count: number;
  width: number;
  height: number;
  /** count x height x width x 3 bytes. */
  rgb: Uint8Array;
}

/** A video ffmpeg cannot decode, or one without a frame. */
export class VideoDecodeError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "VideoDecodeError";
  }
}

export function decodeFrames(file: string, width: number, height: number): Promise<DecodedFrames> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (c: Buffer) => chunks.push(c));
    let failed = false;
    ffmpeg(file)
      .outputOptions([
        "-an",
        `-vf scale=${width}:${height}:flags=area`,
        "-pix_fmt rgb24",
        "-vsync 0",
      ])
      .format("rawvideo")
      .on("error", (err: Error) => {
        failed = true;
        const lines = err.message.trim().split("\n");
        reject(new VideoDecodeError(file, `ffmpeg cannot decode it (${lines[lines.length - 1]})`));
      })
      .on("end", () => {
        if (failed) return;
        const rgb = Buffer.concat(chunks);
        const frameBytes = width * height * 3;
        if (rgb.length === 0 || rgb.length % frameBytes !== 0)
          return reject(
            new VideoDecodeError(
              file,
              `decoded ${rgb.length} bytes, not whole ${width}x${height} frames`,
            ),
          );
        resolve({
          count: rgb.length / frameBytes,
          width,
          height,
          rgb: new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length),
        });
      })
      .pipe(sink, { end: true });
  });
}
