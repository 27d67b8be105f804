/**
 * Decodes every frame of a video to packed RGB with ffmpeg (through fluent-ffmpeg), scaled
 * to `width` x `height` by area averaging. The frame count is what ffmpeg decodes, the
 * count decord's `len(vr)` reports for these constant-rate files. ffmpeg writes to a temp
 * file that is read and removed (fluent-ffmpeg's stream output can report a closed stream
 * as an error on a busy machine).
 */
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

let decodes = 0;

export async function decodeFrames(
  file: string,
  width: number,
  height: number,
): Promise<DecodedFrames> {
  const tmp = join(
    tmpdir(),
    `t3kit-frames-${process.pid}-${decodes++}-${Math.random().toString(36).slice(2)}.rgb`,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      ffmpeg(file)
        .outputOptions([
          "-an",
          `-vf scale=${width}:${height}:flags=area`,
          "-pix_fmt rgb24",
          "-vsync 0",
        ])
        .format("rawvideo")
        .on("error", (err: Error) => {
          const lines = err.message.trim().split("\n");
          reject(
            new VideoDecodeError(file, `ffmpeg cannot decode it (${lines[lines.length - 1]})`),
          );
        })
        .on("end", () => resolve())
        .save(tmp);
    });
    const rgb = await readFile(tmp);
    const frameBytes = width * height * 3;
    if (rgb.length === 0 || rgb.length % frameBytes !== 0)
      throw new VideoDecodeError(
        file,
        `decoded ${rgb.length} bytes, not whole ${width}x${height} frames`,
      );
    return {
      count: rgb.length / frameBytes,
      width,
      height,
      rgb: new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length),
    };
  } finally {
    await rm(tmp, { force: true });
  }
}
