/**
 * Raw RGB frames through ffmpeg (fluent-ffmpeg) into one file, atomically: ffmpeg writes
 * beside the target and the file is renamed when it has finished, so a failed encode
 * leaves nothing. Videos and PNGs of the probing stage both go through here.
 */
import { rm } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { Readable } from "node:stream";
import ffmpeg from "fluent-ffmpeg";
import { makeOutputFolder, placeOutput, tempPathFor } from "../../files/index";

export interface RgbEncoding {
  width: number;
  height: number;
  /** Extra input options after pixel format and size (e.g. a frame rate). */
  inputOptions?: string[];
  outputOptions: string[];
  /** ffmpeg's muxer ("mp4", "image2"). */
  format: string;
  /** The verb of the error message: "encode", "write". */
  action: string;
}

export async function ffmpegFromRgb(
  target: string,
  frames: Iterable<Uint8Array>,
  e: RgbEncoding,
): Promise<void> {
  // The temp name keeps the target's extension: ffmpeg picks details by it.
  const tmp = `${tempPathFor(target)}${extname(target)}`;
  makeOutputFolder(dirname(target));
  try {
    await new Promise<void>((resolve, reject) => {
      ffmpeg()
        .input(Readable.from(frames))
        .inputFormat("rawvideo")
        .inputOptions([
          "-pix_fmt rgb24",
          `-video_size ${e.width}x${e.height}`,
          ...(e.inputOptions ?? []),
        ])
        .outputOptions(e.outputOptions)
        .format(e.format)
        .on("error", (err: Error) =>
          reject(new Error(`ffmpeg could not ${e.action} ${target}: ${err.message}`)),
        )
        .on("end", () => resolve())
        .save(tmp);
    });
    placeOutput(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
