/**
 * `tokens count --preset qwen2vl-7b --video-folder DIR [--llamafactory-version V]` on videos
 * real ffmpeg writes, against LLaMA-Factory's own sampling run on the same files: the oracle
 * (test/oracle/llamafactory_qwen2vl.py) opens each with PyAV (Debian's python3-av), takes
 * `stream.frames` and `stream.duration · time_base` as each tag does, decodes the frames at
 * np.linspace's indices and sizes them with PIL. So ffprobe's frame count header and stream
 * duration must be what PyAV gives LLaMA-Factory, and the counter must sample as each tag
 * does: short, long (past both frame caps), NTSC-rate, odd samples, tiny frames, WebM
 * without a frame count (v0.9.1 fails on it, v0.9.2 takes the first 128 frames), and a clip
 * too short for one frame (both fail).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { DEBIAN_PYTHON } from "../oracle/debian-python";

const dir = mkdtempSync(join(tmpdir(), "t3kit-lf-videos-"));
const videos = join(dir, "videos");
after(() => rmSync(dir, { recursive: true, force: true }));

const H264 = ["-pix_fmt", "yuv420p"];
/** name, size, rate, seconds, codec flags. */
const VIDEOS: [string, string, string, number, string[]][] = [
  ["a.mp4", "448x336", "10", 3, H264],
  ["ntsc.mp4", "320x240", "30000/1001", 2.5, [...H264, "-r", "30000/1001"]],
  ["long.mp4", "160x120", "5", 70, H264],
  ["odd.mp4", "256x144", "10", 1.6, H264],
  ["big.mp4", "1920x1080", "2", 3, H264],
  ["tiny.mp4", "16x16", "4", 2, H264],
  ["tall.mp4", "64x1080", "4", 2, H264],
  ["clip.webm", "320x240", "25", 2, ["-c:v", "libvpx", "-b:v", "100k"]],
  ["short.mp4", "320x240", "25", 0.4, H264],
];

before(() => {
  mkdirSync(videos, { recursive: true });
  for (const [name, size, rate, seconds, codec] of VIDEOS) {
    execFileSync("ffmpeg", [
      ...["-v", "error", "-f", "lavfi", "-i"],
      `testsrc=size=${size}:rate=${rate}:duration=${seconds}`,
      ...codec,
      ...["-y", join(videos, name)],
    ]);
  }
});

type Answer = [number, number] | string;
function oracle(version: string): Answer[] {
  const files = VIDEOS.map(([name]) => join(videos, name));
  const out = execFileSync(
    DEBIAN_PYTHON,
    [join(__dirname, "..", "oracle", "llamafactory_qwen2vl.py")],
    {
      input: JSON.stringify({ version, files }),
      encoding: "utf8",
    },
  );
  return (JSON.parse(out) as { files: Answer[] }).files;
}

function count(file: string, version?: string) {
  const r = spawnSync(
    process.execPath,
    [
      join(projectRoot, "scripts/t3kit.cjs"),
      ...["tokens", "count", file, "--preset", "qwen2vl-7b", "--video-folder", videos],
      ...(version ? ["--llamafactory-version", version] : []),
    ],
    { encoding: "utf8" },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One sharegpt record per video, with no text to speak of: the visual tokens are the video's. */
function records(name: string, names: string[]): string {
  const file = join(dir, name);
  const lines = names.map((v, i) => ({
    id: `r${i}`,
    videos: [v],
    conversations: [
      { from: "human", value: "<video>" },
      { from: "gpt", value: "A" },
    ],
  }));
  writeFileSync(file, lines.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return file;
}

for (const version of ["0.9.1", "0.9.2"]) {
  test(`video files under LLaMA-Factory v${version}: every count is the tag's own, every video it cannot train on is refused naming the record`, () => {
    const want = oracle(version);
    const ok = VIDEOS.map(([name]) => name).filter((_, i) => typeof want[i] !== "string");
    const bad = VIDEOS.map(([name]) => name).filter((_, i) => typeof want[i] === "string");
    // What the files were made for: both tags fail on the short clip, v0.9.1 on the WebM.
    assert.deepEqual(bad, version === "0.9.1" ? ["clip.webm", "short.mp4"] : ["short.mp4"]);
    const run = count(
      records(`ok-${version}.jsonl`, ok),
      version === "0.9.1" ? undefined : version,
    );
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { visual_tokens: number });
    const expected = want.filter((a): a is [number, number] => typeof a !== "string");
    assert.deepEqual(
      rows.map((r, i) => [ok[i], r.visual_tokens]),
      expected.map(([, tokens], i) => [ok[i], tokens]),
    );
    for (const name of bad) {
      const refused = count(records(`bad-${version}-${name}.jsonl`, ["a.mp4", name]), version);
      assert.equal(refused.code, 1, `${name}: ${refused.stdout}`);
      assert.match(
        refused.stderr,
        new RegExp(
          `record 1, field videos: video .*${name.replace(".", "\\.")}: .*LLaMA-Factory v${version.replace(/\./g, "\\.")}`,
        ),
      );
      assert.doesNotMatch(refused.stderr, /\n\s+at /);
    }
  });
}

test("the frame counts the tags sample from these files (the oracle's, so the files test what they should)", () => {
  const frames = (answers: Answer[]) =>
    Object.fromEntries(
      VIDEOS.map(([name], i) => [name, typeof answers[i] === "string" ? "error" : answers[i][0]]),
    );
  assert.deepEqual(frames(oracle("0.9.1")), {
    "a.mp4": 6,
    "ntsc.mp4": 4,
    "long.mp4": 64,
    "odd.mp4": 2,
    "big.mp4": 6,
    "tiny.mp4": 4,
    "tall.mp4": 4,
    "clip.webm": "error",
    "short.mp4": "error",
  });
  assert.deepEqual(frames(oracle("0.9.2")), {
    "a.mp4": 6,
    "ntsc.mp4": 6,
    "long.mp4": 128,
    "odd.mp4": 4,
    "big.mp4": 6,
    "tiny.mp4": 4,
    "tall.mp4": 4,
    "clip.webm": 50,
    "short.mp4": "error",
  });
});
