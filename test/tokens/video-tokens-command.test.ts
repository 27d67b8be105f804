/**
 * `tokens count --video-folder` end to end through the real CLI, on videos real ffmpeg
 * writes at known sizes, rates and durations. Expected Qwen2-VL counts are worked out by
 * hand below from the documented formulas (qwen-vl-utils `vision_process.py`):
 *
 *   smart_nframes: nframes = total_frames / video_fps · FPS (FPS = 2), clamped to
 *     [4, floor_even(min(768, total_frames))] and to total_frames, then floored to even.
 *   max_pixels = max(min(768·784, 24576·784 / nframes · 2), int(128·784 · 1.05)) = 602112
 *     for every nframes here (≤ 80).
 *   smart_resize(H, W): round each side to a multiple of 28; scale down if the area
 *     exceeds max_pixels, up if below min_pixels = 128·784 = 100352.
 *   tokens = nframes/2 · (H'/28) · (W'/28) + 2 (<|vision_start|>, <|vision_end|>).
 *
 * - a.mp4, 448x336, 10 fps, 3 s (30 frames): nframes = 30/10·2 = 6; 336x448 is already
 *   12·28 x 16·28, area 150528 in range → 3·12·16 + 2 = 578.
 * - b.webm, 960x540, 25 fps, 2 s (50 frames, no frame count header): nframes = 4;
 *   540/28 = 19.29 → 19 (532), 960/28 = 34.29 → 34 (952), area 506464 in range
 *   → 2·19·34 + 2 = 1294.
 * - s.mp4, 448x336, 3 fps, 1 s (3 frames): wanted 2 → raised to 4 → capped at
 *   floor_even(3) = 2 → 1·12·16 + 2 = 194 (the flags alone would have said 4 frames).
 * - missing, counted with the defaults 640x360 and 8 frames: 360 → 13 (364), 640 → 23
 *   (644), area 234416 in range → 4·13·23 + 2 = 1198.
 * LongVA: 8 frames · 144 = 1152 per video, whatever its size.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { countTokensParallel } from "../../lib/token-counting/workers/count-tokens-parallel";

const dir = mkdtempSync(join(tmpdir(), "t3kit-video-tokens-"));
const videos = join(dir, "videos");
after(() => rmSync(dir, { recursive: true, force: true }));

function ffmpegVideo(name: string, size: string, rate: number, seconds: number, codec: string[]) {
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-f",
    "lavfi",
    "-i",
    `testsrc=size=${size}:rate=${rate}:duration=${seconds}`,
    ...codec,
    "-y",
    join(videos, name),
  ]);
}

before(() => {
  mkdirSync(join(videos, "sub"), { recursive: true });
  const h264 = ["-pix_fmt", "yuv420p"];
  ffmpegVideo("a.mp4", "448x336", 10, 3, h264);
  ffmpegVideo("sub/b.webm", "960x540", 25, 2, ["-c:v", "libvpx", "-b:v", "200k"]);
  ffmpegVideo("s.mp4", "448x336", 3, 1, h264);
});

function t3kit(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(
    process.execPath,
    [join(projectRoot, "scripts/t3kit.cjs"), "tokens", "count", ...args],
    { encoding: "utf8", env },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rows = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const turn = (from: string, value: string) => ({ from, value });

/** LLaVA-Video style (`video`, tagged <image>) and sharegpt style (`videos`, <video>). */
function writeRecords(name: string, records: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return file;
}

const llavaVideo = (id: string, video: string) => ({
  id,
  video,
  conversations: [turn("human", "<image>\nWhat happens?"), turn("gpt", "A test pattern.")],
});
const sharegpt = (id: string, paths: string[]) => ({
  id,
  videos: paths,
  conversations: [
    turn("human", `${paths.map(() => "<video>").join("")}Compare.`),
    turn("gpt", "Same."),
  ],
});

const qwen = ["--template", "qwen2vl", "--tokenizer", "words"];

test("Qwen2-VL video tokens from the real size, frame count and rate", () => {
  const file = writeRecords("videos.jsonl", [
    llavaVideo("v1", "a.mp4"),
    llavaVideo("v2", "sub/b.webm"),
    llavaVideo("v3", "s.mp4"),
    sharegpt("v4", ["a.mp4", join(videos, "sub/b.webm")]),
  ]);
  const r = t3kit([...qwen, "--video-folder", videos, file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    rows(r.stdout).map((x) => x.visual_tokens),
    [578, 1294, 194, 578 + 1294],
  );
  // Without the folder every video is the flags' 640x360 at 8 frames.
  const flags = t3kit([...qwen, file]);
  assert.deepEqual(
    rows(flags.stdout).map((x) => x.visual_tokens),
    [1198, 1198, 1198, 2396],
  );
});

test("a missing video: an error naming file, record and field, or the defaults on request", () => {
  const file = writeRecords("missing.jsonl", [
    llavaVideo("v1", "a.mp4"),
    sharegpt("v2", ["a.mp4", "gone.mp4"]),
  ]);
  const r = t3kit([...qwen, "--video-folder", videos, file]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /missing\.jsonl, record 1, field videos\[1\]: video .*gone\.mp4 does not exist/,
  );
  const ok = t3kit([...qwen, "--video-folder", videos, "--missing-images", "default", file]);
  assert.equal(ok.code, 0, ok.stderr);
  const out = rows(ok.stdout);
  assert.deepEqual(
    out.map((x) => [x.visual_tokens, x.missing_videos]),
    [
      [578, undefined],
      [578 + 1198, 1],
    ],
  );
  assert.match(ok.stderr, /1 missing videos counted with the default size and frames/);
  // LongVA samples its fixed 8 frames (1152 tokens) but still checks the file exists.
  const longva = t3kit(["--tokenizer", "words", "--video-folder", videos, file]);
  assert.equal(longva.code, 1);
  assert.match(longva.stderr, /record 1, field videos\[1\]: video .*gone\.mp4 does not exist/);
  const longvaOk = t3kit([
    "--tokenizer",
    "words",
    "--video-folder",
    videos,
    "--missing-images",
    "default",
    file,
  ]);
  assert.deepEqual(
    rows(longvaOk.stdout).map((x) => x.visual_tokens),
    [1152, 2304],
  );
});

test("a file ffprobe cannot read is an error naming the record", () => {
  writeFileSync(join(videos, "text.mp4"), "not a video\n");
  const file = writeRecords("bad.jsonl", [llavaVideo("v1", "a.mp4"), llavaVideo("v2", "text.mp4")]);
  const r = t3kit([...qwen, "--video-folder", videos, file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.jsonl, record 1, field video: cannot read video .*text\.mp4/);
});

test("without ffprobe: a clear message, no stack", () => {
  const file = writeRecords("one.jsonl", [llavaVideo("v1", "a.mp4")]);
  const r = t3kit([...qwen, "--video-folder", videos, file], {
    ...process.env,
    PATH: join(dir, "empty-bin"),
    FFPROBE_PATH: "",
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot run ffprobe .*install ffmpeg/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test("worker threads count with the probed table they are given", async () => {
  // A table for files that do not exist: a worker that ignored it would find them missing.
  const videoInfo = {
    "/nowhere/x.mp4": {
      width: 448,
      height: 336,
      rotation: 0,
      seconds: 3,
      fps: 10,
      frames: 30,
      headerFrames: 30,
      streamSeconds: 3,
    },
  };
  const records = Array.from({ length: 40 }, (_, i) => ({
    index: i,
    record: llavaVideo(`r${i}`, "/nowhere/x.mp4"),
  }));
  const out = [];
  for await (const row of countTokensParallel(records, {
    tokenizer: "words",
    template: "qwen2vl",
    visual: { videoFolder: "/elsewhere", videoInfo },
    workers: 2,
    batchSize: 5,
  })) {
    out.push(row.visual_tokens);
  }
  assert.deepEqual(out, new Array(40).fill(578));
});
