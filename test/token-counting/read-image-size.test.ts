/**
 * The header reader against images that real ffmpeg writes at known sizes, in every
 * format it supports (lossy, lossless and animated WebP included).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ImageHeaderError, readImageSize } from "../../lib/token-counting/visual/read-image-size";

const dir = mkdtempSync(join(tmpdir(), "t3kit-imgsize-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function ffmpegImage(name: string, width: number, height: number, args: string[] = []): string {
  const path = join(dir, name);
  execFileSync(
    "ffmpeg",
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      `testsrc=size=${width}x${height}:rate=1`,
      "-frames:v",
      "1",
      ...args,
      "-y",
      path,
    ],
    { stdio: "pipe" },
  );
  return path;
}

const cases: [string, number, number, string[], string][] = [
  ["a.png", 640, 480, [], "png"],
  ["b.png", 1, 3000, [], "png"],
  ["c.jpg", 1023, 767, [], "jpeg"],
  ["d.jpg", 333, 4001, ["-q:v", "2"], "jpeg"],
  ["e.gif", 320, 241, [], "gif"],
  ["f.webp", 999, 501, ["-c:v", "libwebp", "-lossless", "0"], "webp"],
  ["g.webp", 777, 555, ["-c:v", "libwebp", "-lossless", "1"], "webp"],
  ["h.bmp", 129, 65, [], "bmp"],
  ["i.webp", 401, 203, ["-c:v", "libwebp_anim"], "webp"],
];

for (const [name, width, height, args, format] of cases) {
  test(`${name}: ${width}x${height} ${format} from ffmpeg`, () => {
    const path = ffmpegImage(name, width, height, args);
    assert.deepEqual(readImageSize(path), { width, height, format });
  });
}

test("a file that is not an image is refused", () => {
  const path = join(dir, "x.txt");
  writeFileSync(path, "hello, not an image");
  assert.throws(() => readImageSize(path), ImageHeaderError);
});

test("a truncated PNG is refused", () => {
  const png = ffmpegImage("t.png", 64, 64);
  const cut = join(dir, "t-cut.png");
  writeFileSync(cut, require("node:fs").readFileSync(png).subarray(0, 12));
  assert.throws(() => readImageSize(cut), /truncated PNG/);
});
