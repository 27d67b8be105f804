/** Packed RGB pixels to a PNG file, encoded by ffmpeg (through fluent-ffmpeg), atomically. */
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import ffmpeg from "fluent-ffmpeg";
import { tempPathFor } from "../files/index";

export async function writePng(
  target: string,
  rgb: Uint8Array,
  width: number,
  height: number,
): Promise<void> {
  const tmp = `${tempPathFor(target)}.png`;
  await mkdir(dirname(target), { recursive: true });
  try {
    await new Promise<void>((resolve, reject) => {
      ffmpeg()
        .input(Readable.from([rgb]))
        .inputFormat("rawvideo")
        .inputOptions(["-pix_fmt rgb24", `-video_size ${width}x${height}`])
        .outputOptions(["-frames:v 1", "-c:v png", "-fflags +bitexact", "-flags +bitexact"])
        .format("image2")
        .on("error", (err: Error) =>
          reject(new Error(`ffmpeg could not write ${target}: ${err.message}`)),
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
