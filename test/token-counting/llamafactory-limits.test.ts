// The qwen2vl-7b preset counts images and videos as its LLaMA-Factory v0.9.1 run feeds them
// to Qwen2-VL (image_resolution 512·512, video_resolution 128·128, video_fps 2, video_maxlen
// 64, then the processor's smart_resize); the 72B preset keeps raw Qwen2-VL's rules. Oracle:
// test/oracle/llamafactory_qwen2vl.py, a transcription of the cited functions, under
// Debian's python3.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import {
  type VisualSettings,
  defaultVisualSettings,
  lengthPreset,
  llamaFactoryVideoFrames,
  qwen2vlImageTokens,
  qwen2vlVideoTokens,
} from "../../lib/token-counting/index";
import { DEBIAN_PYTHON } from "../oracle/debian-python";

const ORACLE = join(__dirname, "..", "oracle", "llamafactory_qwen2vl.py");
interface OracleOut {
  images: number[];
  videos: [number, number][];
}
const oracle = (input: object): OracleOut =>
  JSON.parse(
    execFileSync(DEBIAN_PYTHON, [ORACLE], { input: JSON.stringify(input), encoding: "utf8" }),
  );

const preset7b = (): VisualSettings => ({
  ...defaultVisualSettings,
  ...lengthPreset("qwen2vl-7b")!.visual,
});

test("qwen2vl-7b images: LLaMA-Factory v0.9.1's 512·512 shrink, side and aspect fixes, then smart_resize, as the transcription computes", () => {
  const settings = preset7b();
  assert.deepEqual(settings.llamaFactory, {
    imageMaxPixels: 262144,
    videoMaxPixels: 16384,
    videoFps: 2,
    videoMaxlen: 64,
  });
  const sizes: [number, number][] = [
    [640, 480],
    [1920, 1080],
    [1080, 1920],
    [512, 512],
    [513, 511],
    [336, 336],
    [27, 27],
    [1, 1],
    [10, 4000],
    [4000, 10],
    [30000, 100],
    [100, 30000],
    [7, 1500],
    [223, 4481],
    [1024, 768],
    [4096, 4096],
    [12000, 9000],
    [57, 29],
    [28, 28],
    [600, 437],
  ];
  const want = oracle({ images: sizes });
  const mine = sizes.map(([w, h]) => qwen2vlImageTokens(w, h, settings));
  assert.deepEqual(mine, want.images);
  // The figures: 640x480 is 338 in the run (393 by raw Qwen2-VL rules); so is 1920x1080.
  assert.equal(mine[0], 338);
  assert.equal(mine[1], 338);
  assert.equal(qwen2vlImageTokens(640, 480, { vision: "qwen2vl" } as VisualSettings), 393);
});

test("qwen2vl-7b videos: floor(min(frames, 64, seconds·2)) made even, frames shrunk to 128·128, as the transcription computes; 72B keeps raw rules", () => {
  const settings = preset7b();
  const lf = settings.llamaFactory!;
  const videos: [number, number, number, number][] = [
    [640, 360, 250, 10],
    [1280, 720, 600, 60],
    [1920, 1080, 7200, 240],
    [320, 240, 3, 0.1],
    [640, 480, 31, 1.24],
    [176, 144, 45, 15],
    [3840, 2160, 129, 64.5],
    [100, 3000, 40, 20],
    [1280, 720, 127, 5.08],
    [640, 360, 65, 2.6],
  ];
  const want = oracle({ videos });
  const mine = videos.map(([w, h, total, seconds]) => {
    const frames = llamaFactoryVideoFrames(total, seconds, lf);
    return [frames, frames < 2 ? 2 : qwen2vlVideoTokens(frames, w, h, settings)];
  });
  want.videos.forEach(([frames, tokens], i) => {
    assert.equal(mine[i][0], frames, `video ${videos[i]} frames`);
    if (frames >= 2) assert.equal(mine[i][1], tokens, `video ${videos[i]} tokens`);
  });
  // A 10 s 640x360 video: 182 tokens in the run.
  assert.equal(mine[0][1], 182);
  const p72 = lengthPreset("qwen2vl-72b")!;
  assert.equal((p72.visual as VisualSettings).llamaFactory, undefined);
  assert.equal(
    qwen2vlImageTokens(640, 480, { ...defaultVisualSettings, ...p72.visual }),
    qwen2vlImageTokens(640, 480, { vision: "qwen2vl", maxPixels: 401408 } as VisualSettings),
  );
});

test("tokens count --preset qwen2vl-7b counts an image as LLaMA-Factory v0.9.1 does (the transcription's number)", () => {
  const dir = require("node:fs").mkdtempSync(
    join(require("node:os").tmpdir(), "t3kit-count-preset-"),
  );
  const file = join(dir, "one.json");
  require("node:fs").writeFileSync(
    file,
    JSON.stringify([
      {
        id: "a",
        image: "missing.jpg",
        conversations: [
          { from: "human", value: "<image>\nWhat?" },
          { from: "gpt", value: "B" },
        ],
      },
    ]),
  );
  const count = (...flags: string[]) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          join(__dirname, "..", "..", "scripts", "t3kit.cjs"),
          "tokens",
          "count",
          file,
          "--default-image-size",
          "640x480",
          "--missing-images",
          "default",
          ...flags,
        ],
        { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      ).trim(),
    ) as { visual_tokens: number };
  const [lf] = oracle({ images: [[640, 480]] }).images;
  const seven = count("--preset", "qwen2vl-7b").visual_tokens;
  assert.equal(seven, lf);
  assert.notEqual(
    count("--preset", "qwen2vl-72b").visual_tokens,
    seven,
    "the 72B run keeps the raw rules",
  );
});
