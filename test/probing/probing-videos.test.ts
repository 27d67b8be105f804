/**
 * Probing videos and features end to end on real ffmpeg: the released folder layout, every
 * video decodes (ffprobe counts its frames independently), at least 8 frames, same seed →
 * same bytes, text prompts for every validation video; features numpy can read; an
 * undecodable video is named and no manifest claims a complete set.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import {
  FEATURE_MANIFEST,
  VIDEO_MANIFEST,
  extractFeatures,
  makeProbingVideos,
  parseAspectList,
} from "../../lib/probing/index";
import { runPythonJson } from "../oracle/run-python";

const root = mkdtempSync(join(tmpdir(), "t3kit-pv-"));
const aspects = parseAspectList("order,brightness");

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path, d.name)))
    .sort();
}

function ffprobeFrames(file: string): number {
  const out = execFileSync(
    "ffprobe",
    [
      "-v",
      "error",
      "-count_frames",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=nb_read_frames,width,height,codec_name",
      "-of",
      "json",
      file,
    ],
    { encoding: "utf8" },
  );
  const stream = JSON.parse(out).streams[0];
  assert.equal(stream.codec_name, "h264");
  assert.deepEqual([stream.width, stream.height], [224, 224]);
  return Number(stream.nb_read_frames);
}

test("videos: released layout, decodable, >= 8 frames, same seed same bytes, caption prompts", async () => {
  const a = join(root, "a");
  const b = join(root, "b");
  const manifest = await makeProbingVideos({ out: a, aspects, perClass: 1, seed: 7 });
  await makeProbingVideos({ out: b, aspects, perClass: 1, seed: 7 });
  const listed = files(a).filter((f) => f.endsWith(".mp4"));
  assert.deepEqual(listed, [
    "bright_dark_car/brighten/brighten_000.mp4",
    "bright_dark_car/darken/darken_000.mp4",
    "bright_dark_cat/brighten/brighten_000.mp4",
    "bright_dark_cat/darken/darken_000.mp4",
    "order/black_bg/cats_people/cats_people_000.mp4",
    "order/black_bg/people_cats/people_cats_000.mp4",
    "order/white_bg/cats_people/cats_people_000.mp4",
    "order/white_bg/people_cats/people_cats_000.mp4",
  ]);
  for (const f of listed) {
    const frames = ffprobeFrames(join(a, f));
    assert.ok(frames >= 8, `${f}: ${frames} frames`);
    assert.equal(frames, manifest.videos.find((v) => v.path === f)?.frames, f);
    const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
    assert.equal(hash(join(a, f)), hash(join(b, f)), `${f} differs between two runs`);
  }
  assert.ok(existsSync(join(a, VIDEO_MANIFEST)));
  assert.ok(!files(a).some((f) => f.includes(".tmp")));
  const prompts = JSON.parse(readFileSync(join(a, "frame_captions", "order.json"), "utf8"));
  assert.deepEqual(Object.keys(prompts).sort(), [
    "cats_people_cats_people_000",
    "people_cats_people_cats_000",
  ]);
  const cp = prompts.cats_people_cats_people_000.prompt as string;
  assert.match(cp, /^Using the provided frame-by-frame video description/);
  assert.equal((cp.match(/^Frame \d: /gm) ?? []).length, 8);
  // The ground truth is in the captions: a cat first, a person last, on white.
  assert.match(cp, /Frame 1: This frame shows a cat on a white background\./);
  assert.match(cp, /Frame 8: This frame shows a person on a white background\./);
  const bright = JSON.parse(readFileSync(join(a, "frame_captions", "brightness.json"), "utf8"));
  assert.match(
    bright.brighten_brighten_000.prompt,
    /Frame 1: This frame shows a cat in a very dark scene\./,
  );
});

test("stand-in features: numpy reads [40, 32] float32 per video; contact sheets; a broken video is named", async () => {
  const videos = join(root, "a");
  const out = join(root, "features");
  const manifest = await extractFeatures({ videos, out, aspects, encoder: "stand-in" });
  assert.deepEqual(manifest.shape, [40, 32]);
  assert.deepEqual(manifest.aspects.order, {
    classes: ["cats_people", "people_cats"],
    train: 2,
    val: 2,
  });
  const npys = files(out).filter((f) => f.endsWith(".npy"));
  assert.equal(npys.length, 8);
  const shapes = runPythonJson<string[]>(
    `import numpy as np, json; print(json.dumps([str(np.load(p).shape) + str(np.load(p).dtype) + str(bool(np.isfinite(np.load(p)).all())) for p in ${JSON.stringify(npys.map((f) => join(out, f)))}]))`,
  );
  assert.deepEqual(new Set(shapes), new Set(["(40, 32)float32True"]));
  assert.ok(existsSync(join(out, "contact_sheets", "order.png")));
  const broken = join(root, "broken");
  await makeProbingVideos({ out: broken, aspects: parseAspectList("order"), perClass: 1, seed: 7 });
  const bad = join(broken, "order/white_bg/people_cats/people_cats_000.mp4");
  writeFileSync(bad, "not a video \u0000\u00ff");
  const badOut = join(root, "broken-features");
  await assert.rejects(
    extractFeatures({ videos: broken, out: badOut, aspects: parseAspectList("order") }),
    (err: Error) => err.message.includes(bad) && /cannot decode/.test(err.message),
  );
  assert.ok(
    !existsSync(join(badOut, FEATURE_MANIFEST)),
    "a failed run must not write the manifest",
  );
});
