// LongVA's video folder reaches train.py (--video_folder), a video mix without one is
// refused naming its first video record, and `train launch --dry-run` prints the preflight
// and the exact command, writing and starting nothing.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";

const dir = mkdtempSync(join(tmpdir(), "t3kit longva videos "));
const train = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, "scripts", "t3kit.cjs"), "train", ...args], {
    encoding: "utf8",
    env: { ...process.env, T3KIT_STATE_DIR: join(dir, "state"), PATH: "/usr/bin:/bin" },
  });

const mix = join(dir, "video mix.json");
writeFileSync(
  mix,
  JSON.stringify([
    {
      id: "t0",
      conversations: [
        { from: "human", value: "Which first?" },
        { from: "gpt", value: "A" },
      ],
    },
    {
      id: "v1",
      video: "clips/a b.mp4",
      conversations: [
        { from: "human", value: "<video>\nWhat happens?" },
        { from: "gpt", value: "B" },
      ],
    },
  ]),
);
const videos = join(dir, "LLaVA-Video 178K");
mkdirSync(videos);

test("a video mix without a video folder is refused at its first video record", () => {
  const r = train("plan", "--preset", "longva-7b-t3", "--data", mix, "--out", join(dir, "run0"));
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /video mix\.json, record 1, field video: .*--video-folder/);
  assert.equal(existsSync(join(dir, "run0")), false);
});

test("--video-folder reaches LongVA's train.py as --video_folder", () => {
  const run = join(dir, "run1");
  const r = train(
    "plan",
    "--preset",
    "longva-7b-t3",
    "--data",
    mix,
    "--video-folder",
    videos,
    "--out",
    run,
  );
  assert.equal(r.status, 0, r.stderr);
  const sh = readFileSync(join(run, "command.sh"), "utf8");
  assert.match(sh, /--video_folder \$?'[^']*LLaVA-Video 178K'/);
});

test("train launch --dry-run: the preflight and the exact command, nothing written or started", () => {
  const codebase = join(dir, "LongVA");
  mkdirSync(join(codebase, "longva"), { recursive: true });
  const run = join(dir, "run2");
  const r = train(
    "launch",
    "--dry-run",
    "--preset",
    "longva-7b-t3",
    "--codebase",
    codebase,
    "--data",
    mix,
    "--video-folder",
    videos,
    "--out",
    run,
  );
  // No GPU here: the preflight fails and says so; the command is printed all the same.
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /FAIL/);
  assert.match(
    r.stdout,
    /dry run, nothing started; the command:\ncd .*LongVA\/longva.* torchrun .*longva\/train\/train_mem\.py .*--video_folder/,
  );
  assert.equal(existsSync(run), false, "a dry run wrote the run folder");
});
