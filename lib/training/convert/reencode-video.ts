/**
 * Re-encodes a video at a fixed frame rate with ffmpeg (`-vf fps=2`), as the released
 * `prepare_video_sft.py` downsamples LLaVA-Video-178K to 2 fps before Qwen2-VL training
 * (it kept every int(fps/2)-th frame with OpenCV, which is not 2 fps for 25 or 24 fps
 * sources; ffmpeg's fps filter is). The output appears complete or not at all.
 * About real time / 20 on 2 cores for 360p clips.
 */
import { rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type * as Zx from "zx";

// zx loads with the first program run, not with the library (about 0.2 s).
const zx = (): typeof Zx => require("zx");
import { makeOutputFolder, placeOutput, tempPathFor } from "../../files/index";

/** `<stem>_fps2.mp4`, the released name of a 2 fps copy (`<stem>-<tag>_fps2.mp4` to tell two apart). */
export function fpsVideoName(path: string, fps = 2, tag?: string): string {
  return `${basename(path, extname(path))}${tag ? `-${tag}` : ""}_fps${fps}.mp4`;
}

export async function reencodeVideo(src: string, dst: string, fps = 2): Promise<string> {
  makeOutputFolder(dirname(dst));
  const tmp = `${tempPathFor(dst)}.mp4`;
  const ffmpeg = zx().$({ nothrow: true, quiet: true });
  try {
    const r =
      await ffmpeg`ffmpeg -nostdin -loglevel error -y -i ${src} -vf ${`fps=${fps}`} -an -c:v libx264 -pix_fmt yuv420p ${tmp}`;
    if (r.exitCode !== 0) throw new Error(`ffmpeg could not re-encode ${src}: ${r.stderr.trim()}`);
    placeOutput(tmp, dst);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return dst;
}

/** Re-encodes `src` into `folder` under its `_fps2` name. */
export function reencodeInto(src: string, folder: string, fps = 2): Promise<string> {
  return reencodeVideo(src, join(folder, fpsVideoName(src, fps)), fps);
}
