// train plan and train convert into a folder the user already has: their dataset_info.json
// entries are merged, never dropped; their own command.sh or X.json is not replaced without
// --force; and a failed convert leaves no file of its run.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { dataDir, projectRoot } from "../../lib/paths/index";

const STATE = mkdtempSync(join(tmpdir(), "t3kit-train-kept-state-"));
const train = (args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, "scripts", "t3kit.cjs"), "train", ...args], {
    encoding: "utf8",
    env: { ...process.env, T3KIT_STATE_DIR: STATE },
  });

function userFolder() {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-train-kept-"));
  const data = join(dir, "input", "mix.json");
  const out = join(dir, "lf-data");
  spawnSync("mkdir", ["-p", join(dir, "input"), out]);
  copyFileSync(join(dataDir, "llava", "llava-sample.json"), data);
  const mine = { mine: { file_name: "mine.json", formatting: "sharegpt" } };
  writeFileSync(join(out, "dataset_info.json"), `${JSON.stringify(mine)}\n`);
  return { dir, data, out };
}

test("train plan into a LLaMA-Factory data folder keeps the user's entries and their command.sh", () => {
  const { data, out } = userFolder();
  writeFileSync(join(out, "command.sh"), "#!/bin/sh\necho my own\n");
  const refused = train(["plan", "--preset", "qwen2-vl-7b-t3", "--data", data, "--out", out]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /command\.sh: exists and was not written by t3kit.*--force/);
  assert.equal(refused.stderr.trim().split("\n").length, 1);
  assert.deepEqual(readdirSync(out).sort(), ["command.sh", "dataset_info.json"]);
  assert.equal(readFileSync(join(out, "command.sh"), "utf8"), "#!/bin/sh\necho my own\n");
  const forced = train([
    "plan",
    "--preset",
    "qwen2-vl-7b-t3",
    "--data",
    data,
    "--out",
    out,
    "--force",
  ]);
  assert.equal(forced.status, 0, forced.stderr);
  const info = JSON.parse(readFileSync(join(out, "dataset_info.json"), "utf8"));
  assert.deepEqual(info.mine, { file_name: "mine.json", formatting: "sharegpt" });
  assert.ok(Object.keys(info).length >= 2, JSON.stringify(info));
});

test("train convert --name X does not replace the user's X.json; entries merged when it may write", () => {
  const { data, out } = userFolder();
  writeFileSync(join(out, "mine.json"), "[]\n");
  const refused = train([
    "convert",
    "--to",
    "llamafactory",
    "--data",
    data,
    "--out",
    out,
    "--name",
    "mine",
  ]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /mine\.json: exists and was not written by t3kit/);
  assert.equal(readFileSync(join(out, "mine.json"), "utf8"), "[]\n");
  const ok = train([
    "convert",
    "--to",
    "llamafactory",
    "--data",
    data,
    "--out",
    out,
    "--name",
    "t3",
  ]);
  assert.equal(ok.status, 0, ok.stderr);
  const info = JSON.parse(readFileSync(join(out, "dataset_info.json"), "utf8"));
  assert.deepEqual(Object.keys(info).sort(), ["mine", "t3"]);
});

test("train convert --ratios: when a later ratio fails, the earlier ratios' files are gone too", () => {
  const { dir, data, out } = userFolder();
  const videos = join(dir, "input", "videos.json");
  // Ten video records: ratio 1.0 of T3's 120 asks for 120 and fails after 0.05 (6) is written.
  const rows = Array.from({ length: 10 }, (_, i) => ({
    id: `v${i}`,
    video: `v${i}.mp4`,
    conversations: [
      { from: "human", value: "<video>\nWhat happens?" },
      { from: "gpt", value: "Something." },
    ],
  }));
  writeFileSync(videos, JSON.stringify(rows));
  const before = readdirSync(out).sort();
  const r = train([
    "convert",
    "--to",
    "llamafactory",
    "--data",
    data,
    "--videos",
    videos,
    "--ratios",
    "0.05,1.0",
    "--out",
    out,
  ]);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), before, "files of the failed run were left");
  assert.equal(
    readFileSync(join(out, "dataset_info.json"), "utf8"),
    `${JSON.stringify({ mine: { file_name: "mine.json", formatting: "sharegpt" } })}\n`,
  );
});
