import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  convertMix,
  fpsVideoName,
  reencodeInto,
  videoCountFor,
  videoRatioSet,
} from "../../lib/training/index";
import { debianPythonJson } from "../oracle/debian-python";

test("video-ratio sets: int(len(T3) x ratio) video records + T3, shuffled as Python's random.seed(1234)", () => {
  const t3 = Array.from({ length: 37 }, (_, i) => `t${i}`);
  const video = Array.from({ length: 80 }, (_, i) => `v${i}`);
  for (const ratio of [0.2, 0.5, 1.0, 2.0]) {
    const expected = debianPythonJson<string[]>(
      `import json,random\nt3=["t%d"%i for i in range(37)]\nv=["v%d"%i for i in range(80)]\nrandom.seed(1234)\nd=v[:int(len(t3)*${ratio})]+t3\nrandom.shuffle(d)\nprint(json.dumps(d))`,
    );
    assert.deepEqual(videoRatioSet(t3, video, ratio), expected, String(ratio));
  }
  assert.equal(videoCountFor(5, 0.2), 1);
  assert.equal(videoCountFor(3, 0.7), 2); // 2.0999… truncates, as int() does
  assert.throws(
    () => videoRatioSet(t3, video.slice(0, 10), 0.5),
    (e: unknown) =>
      e instanceof InputError &&
      /int\(37 x 0.5\) = 18 video records, the file holds 10/.test(e.problem),
  );
  assert.throws(() => videoRatioSet(t3, video, -1), /non-negative/);
});

test("videos re-encoded at 2 fps through ffmpeg (checked with ffprobe)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit fps '$"));
  const src = join(dir, "clip 1.mp4");
  execFileSync("ffmpeg", [
    "-nostdin",
    "-loglevel",
    "error",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=64x48:rate=25:duration=3",
    "-pix_fmt",
    "yuv420p",
    src,
  ]);
  const out = await reencodeInto(src, join(dir, "out"));
  assert.equal(out, join(dir, "out", "clip 1_fps2.mp4"));
  const probe = JSON.parse(
    execFileSync(
      "ffprobe",
      [
        "-v",
        "error",
        "-count_frames",
        "-select_streams",
        "v:0",
        "-show_entries",
        "stream=r_frame_rate,nb_read_frames",
        "-of",
        "json",
        out,
      ],
      { encoding: "utf8" },
    ),
  ).streams[0];
  assert.equal(probe.r_frame_rate, "2/1");
  assert.equal(Number(probe.nb_read_frames), 6);
  assert.equal(fpsVideoName("/a/b.webm"), "b_fps2.mp4");
  // Converting with re-encoding points the rows at the 2 fps copies (each made once).
  const mix = join(dir, "mix.jsonl");
  const rec = (id: number) => ({
    id,
    video: "clip 1.mp4",
    conversations: [
      { from: "human", value: "<video>\nWhat?" },
      { from: "gpt", value: "A test pattern." },
    ],
  });
  writeFileSync(mix, `${JSON.stringify(rec(1))}\n${JSON.stringify(rec(2))}\n`);
  const r = await convertMix({
    to: "ms-swift",
    data: mix,
    out: join(dir, "conv"),
    videoFolder: dir,
    reencodeVideosInto: join(dir, "fps2"),
  });
  const rows = readFileSync(r.output, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rows.map((x) => x.videos),
    [[join(dir, "fps2", "clip 1_fps2.mp4")], [join(dir, "fps2", "clip 1_fps2.mp4")]],
  );
  assert.deepEqual(readdirSync(join(dir, "fps2")), ["clip 1_fps2.mp4"]);
  await assert.rejects(
    reencodeInto(join(dir, "missing.mp4"), join(dir, "out2")),
    /ffmpeg could not re-encode/,
  );
  assert.deepEqual(existsSync(join(dir, "out2")) ? readdirSync(join(dir, "out2")) : [], []);
});
