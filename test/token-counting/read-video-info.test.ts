/**
 * The video reader against videos that real ffmpeg writes with known sizes, frame rates
 * and durations (mp4 with a frame count header, WebM without one, mp4 with a 90° display
 * rotation): the oracle is what ffmpeg was asked to make, not ffprobe read back.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { probeVideoFiles } from "../../lib/token-counting/visual/probe-video-files";
import { VideoProbeError, readVideoInfo } from "../../lib/token-counting/visual/read-video-info";

const dir = mkdtempSync(join(tmpdir(), "t3kit-video-info-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A testsrc video of `width`x`height`, `rate` fps, `seconds` long. */
function ffmpegVideo(
  name: string,
  width: number,
  height: number,
  rate: number,
  seconds: number,
  codec: string[] = ["-pix_fmt", "yuv420p"],
): string {
  const path = join(dir, name);
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-f",
    "lavfi",
    "-i",
    `testsrc=size=${width}x${height}:rate=${rate}:duration=${seconds}`,
    ...codec,
    "-y",
    path,
  ]);
  return path;
}

test("mp4: size, frame rate, duration and frame count as ffmpeg was asked to make them", async () => {
  const info = await readVideoInfo(ffmpegVideo("a.mp4", 448, 336, 10, 3));
  assert.deepEqual(info, {
    width: 448,
    height: 336,
    rotation: 0,
    seconds: 3,
    fps: 10,
    frames: 30,
    headerFrames: 30,
    streamSeconds: 3,
  });
});

test("WebM without a frame count: frames from duration and rate", async () => {
  const path = ffmpegVideo("b.webm", 320, 240, 25, 2, ["-c:v", "libvpx", "-b:v", "200k"]);
  const info = await readVideoInfo(path);
  assert.equal(info.width, 320);
  assert.equal(info.height, 240);
  assert.equal(info.fps, 25);
  assert.equal(info.frames, 50);
  // No frame count and no stream duration: what PyAV (and so LLaMA-Factory) sees as 0 and None.
  assert.equal(info.headerFrames, 0);
  assert.equal(info.streamSeconds, undefined);
  // WebM stores times in milliseconds: the duration is 2 s to the millisecond.
  assert.ok(Math.abs(info.seconds - 2) < 0.001, String(info.seconds));
});

test("NTSC frame rate 30000/1001 is read as a fraction", async () => {
  const path = ffmpegVideo("ntsc.mp4", 64, 48, 30000 / 1001, 1, [
    "-r",
    "30000/1001",
    "-pix_fmt",
    "yuv420p",
  ]);
  const info = await readVideoInfo(path);
  assert.equal(info.fps, 30000 / 1001);
  assert.equal(info.frames, 30);
  assert.equal(info.headerFrames, 30);
  // 30 frames of 1001/30000 s: duration_ts 30030 in time_base 1/30000.
  assert.equal(info.streamSeconds, 30030 / 30000);
});

test("a 90° display rotation swaps width and height", async () => {
  const src = ffmpegVideo("src.mp4", 448, 336, 10, 1);
  const rotated = join(dir, "rotated.mp4");
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-i",
    src,
    "-c",
    "copy",
    "-metadata:s:v:0",
    "rotate=90",
    "-y",
    rotated,
  ]);
  const info = await readVideoInfo(rotated);
  assert.equal(info.rotation, 90);
  assert.equal(info.width, 336);
  assert.equal(info.height, 448);
});

test("a file that is not a video: VideoProbeError; in a pre-pass, an InputError naming it", async () => {
  const bad = join(dir, "not-a-video.mp4");
  writeFileSync(bad, "this is text\n");
  await assert.rejects(readVideoInfo(bad), VideoProbeError);
  await assert.rejects(
    probeVideoFiles([{ full: bad, where: { file: "x.jsonl", record: 3, field: "videos[1]" } }]),
    /x\.jsonl, record 3, field videos\[1\]: cannot read video .*not-a-video\.mp4: ffprobe failed/,
  );
});

test("probeVideoFiles: missing files become null; a path named twice is one entry", async () => {
  const a = ffmpegVideo("p.mp4", 96, 64, 5, 2);
  const where = { file: "f", record: 0, field: "video" };
  const table = await probeVideoFiles(
    [
      { full: a, where },
      { full: join(dir, "gone.mp4"), where },
      { full: a, where },
    ],
    { concurrency: 2 },
  );
  assert.deepEqual(Object.keys(table), [join(dir, "gone.mp4"), a].sort());
  assert.equal(table[join(dir, "gone.mp4")], null);
  assert.deepEqual(table[a], {
    width: 96,
    height: 64,
    rotation: 0,
    seconds: 2,
    fps: 5,
    frames: 10,
    headerFrames: 10,
    streamSeconds: 2,
  });
});
