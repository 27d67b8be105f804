/**
 * The 8 frames a Video LLM is shown, as PNG data URLs (OpenAI-style `image_url` parts, as
 * vLLM serves Qwen2-VL or LLaVA models): sampled with the released `np.linspace` rule on
 * the decoded frame count, cut out by one ffmpeg run into a temp folder that is removed.
 */
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ffmpeg from "fluent-ffmpeg";
import { VideoDecodeError, decodeFrames } from "./decode-frames";
import { sampleFrameIndices } from "./sample-frame-indices";

export async function sampledFrameImages(file: string, frames = 8): Promise<string[]> {
  // Counting needs a decode; a tiny one is enough.
  const { count } = await decodeFrames(file, 8, 8);
  const indices = sampleFrameIndices(count, frames);
  const distinct = [...new Set(indices)];
  const dir = await mkdtemp(join(tmpdir(), "t3kit-frames-"));
  try {
    const select = distinct.map((i) => `eq(n\\,${i})`).join("+");
    await new Promise<void>((resolve, reject) => {
      ffmpeg(file)
        .outputOptions(["-an", `-vf select=${select}`, "-vsync 0", "-c:v png"])
        .on("error", (err: Error) =>
          reject(
            new VideoDecodeError(
              file,
              `ffmpeg cannot cut frames (${err.message.trim().split("\n").pop()})`,
            ),
          ),
        )
        .on("end", () => resolve())
        .save(join(dir, "%04d.png"));
    });
    const files = (await readdir(dir)).sort();
    if (files.length !== distinct.length)
      throw new VideoDecodeError(
        file,
        `expected ${distinct.length} frames, ffmpeg wrote ${files.length}`,
      );
    const urls = new Map<number, string>();
    for (let k = 0; k < distinct.length; k++) {
      const png = await readFile(join(dir, files[k]));
      urls.set(distinct[k], `data:image/png;base64,${png.toString("base64")}`);
    }
    return indices.map((i) => urls.get(i)!);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
