import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
/**
 * Encodes planned frames to an H.264 MP4 with ffmpeg (through fluent-ffmpeg): raw RGB
 * frames go in on stdin, the file is written beside the target and renamed when ffmpeg has
 * finished, so a failed encode leaves nothing. One encoder thread and bit-exact flags make
 * the same frames give the same bytes.
 */
import { Readable } from "node:stream";
import ffmpeg from "fluent-ffmpeg";
import { tempPathFor } from "../files/index";

export async function encodeVideo(
  target: string,
  frames: Iterable<Uint8Array>,
  width: number,
  height: number,
  fps: number,
): Promise<void> {
  const tmp = `${tempPathFor(target)}.mp4`;
  await mkdir(dirname(target), { recursive: true });
  try {
    await new Promise<void>((resolve, reject) => {
      ffmpeg()
        .input(Readable.from(frames))
        .inputFormat("rawvideo")
        .inputOptions(["-pix_fmt rgb24", `-video_size ${width}x${height}`, `-framerate ${fps}`])
        .outputOptions([
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
        ])
        .format("mp4")
        .on("error", (err: Error) =>
          reject(new Error(`ffmpeg could not encode ${target}: ${err.message}`)),
        )
        .on("end", () => resolve())
        .save(tmp);
    });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
