// Hub mode for `t3kit train`: every file argument (SPEC, --data, --videos, curves RUN) takes
// a `hub:` path, fetched from the stand-in Hub on 127.0.0.1 into the Hub cache and read from
// there; what is written is what the same files on disk give.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { dataDir, projectRoot } from "../../lib/paths/index";
import { commitId } from "../hub/hub-stand-in";
import { type Fixture, startFixture } from "../hub/stand-in-fixture";
import { writeLongvaClone, writeStandIns } from "./stand-ins";

const SPEC = readFileSync(join(dataDir, "training", "specs", "qwen2-vl-7b-2nodes.yaml"));
const MIX = readFileSync(join(dataDir, "llava", "llava-sample.json"));
const T3 = Buffer.from(
  JSON.stringify(
    Array.from({ length: 10 }, (_, i) => [
      { from: "human", value: `Q${i} 中文 "quoted"` },
      { from: "gpt", value: `A${i} 🎬` },
    ]),
  ),
);
const VIDEOS = Buffer.from(
  `${Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({
      id: `v${i}`,
      video: `clips/v ${i}.mp4`,
      conversations: [
        { from: "human", value: "<image>\nWhat happens first?" },
        { from: "gpt", value: "The door opens." },
      ],
    }),
  ).join("\n")}\n`,
);
const STATE = readFileSync(join(dataDir, "training", "logs", "longva-trainer_state.json"));

let fx: Fixture;
let work: string;
before(async () => {
  fx = await startFixture();
  const commit = commitId("training");
  fx.hub.addRepo({
    type: "dataset",
    id: "t3kit/training",
    commits: new Map([
      [
        commit,
        [
          { path: "specs/two nodes.yaml", data: SPEC, lfs: false },
          { path: "mix.json", data: MIX, lfs: true },
          { path: "t3.json", data: T3, lfs: false },
          { path: "videos.jsonl", data: VIDEOS, lfs: false },
          { path: "run/trainer_state.json", data: STATE, lfs: false },
        ],
      ],
    ]),
    refs: new Map([["main", commit]]),
  });
  work = join(fx.cacheDir, "..", "work");
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "mix.json"), MIX);
  writeFileSync(join(work, "t3.json"), T3);
  writeFileSync(join(work, "videos.jsonl"), VIDEOS);
});
after(() => fx.cleanup());

async function t3kit(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(
      process.execPath,
      [join(projectRoot, "scripts", "t3kit.cjs"), "train", ...args],
      {
        env: {
          ...process.env,
          HF_ENDPOINT: fx.hub.url,
          HF_HOME: join(fx.cacheDir, ".."),
          HF_TOKEN: "",
          HF_HUB_CACHE: "",
          ...env,
        },
        maxBuffer: 1 << 26,
      },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const inCache = (p: string) => p.startsWith(fx.cacheDir);

test("plan hub:SPEC --data hub:FILE: the spec and the data come from the Hub cache", async () => {
  const out = join(work, "plan run");
  const r = await t3kit([
    ...["plan", "hub:t3kit/training/specs/two nodes.yaml@main"],
    ...["--data", "hub:datasets/t3kit/training/mix.json", "--out", out],
  ]);
  assert.equal(r.code, 0, r.stderr);
  // The spec's own values: 2 nodes, global batch 128, its learning rate.
  assert.match(r.stdout, /= 128 global \(accumulation derived\)/);
  assert.match(r.stdout, /learning_rate +2e-5 +\[spec: hyperparameters\.learning_rate\]/);
  const plan = JSON.parse(readFileSync(join(out, "plan.json"), "utf8"));
  assert.ok(inCache(plan.spec), plan.spec);
  assert.deepEqual(readFileSync(plan.spec), SPEC);
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  assert.equal(manifest.data.length, 1);
  assert.ok(inCache(manifest.data[0].path), manifest.data[0].path);
  assert.equal(manifest.data[0].sha256, sha256(MIX));
  const info = JSON.parse(readFileSync(join(out, "dataset_info.json"), "utf8"));
  assert.equal(info.mix.file_name, manifest.data[0].path);
  // A name that is not on the Hub: one line naming it, exit 1.
  const missing = await t3kit(["plan", "hub:t3kit/training/specs/none.yaml", "--out", out]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^t3kit train plan: .*none\.yaml.*\n$/);
});

test("convert --data hub: --videos hub: gives the bytes the same files on disk give", async () => {
  const ratioArgs = ["--to", "ms-swift", "--ratios", "0.5,1.0", "--video-folder", "/videos"];
  const local = await t3kit([
    ...["convert", ...ratioArgs, "--data", join(work, "t3.json")],
    ...["--videos", join(work, "videos.jsonl"), "--out", join(work, "conv-local")],
  ]);
  assert.equal(local.code, 0, local.stderr);
  const hub = await t3kit([
    ...["convert", ...ratioArgs, "--data", "hub:t3kit/training/t3.json"],
    ...["--videos", "hub:t3kit/training/videos.jsonl@main", "--out", join(work, "conv-hub")],
  ]);
  assert.equal(hub.code, 0, hub.stderr);
  assert.match(hub.stdout, /^ratio 0\.5: 10 T3 \+ 5 video = 15 rows -> .*t3\+VRatio0\.5\.jsonl\n/);
  assert.match(hub.stdout, /ratio 1\.0: 10 T3 \+ 10 video = 20 rows/);
  const files = readdirSync(join(work, "conv-local")).sort();
  assert.deepEqual(files, [
    "t3+VRatio0.5.jsonl",
    "t3+VRatio0.5.llava.json",
    "t3+VRatio1.0.jsonl",
    "t3+VRatio1.0.llava.json",
  ]);
  assert.deepEqual(readdirSync(join(work, "conv-hub")).sort(), files);
  for (const f of files)
    assert.deepEqual(
      readFileSync(join(work, "conv-hub", f)),
      readFileSync(join(work, "conv-local", f)),
      f,
    );
  // Without --videos: one converted file from the Hub's mix.
  const one = await t3kit([
    ...["convert", "--to", "llamafactory", "--data", "hub:t3kit/training/mix.json"],
    ...["--out", join(work, "conv-one")],
  ]);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /^120 rows \(110 with images, .*\(dataset: mix\)\n$/);
});

test("curves hub:RUN reads the log from the Hub cache", async () => {
  const out = join(work, "curves");
  const r = await t3kit(["curves", "hub:t3kit/training/run/trainer_state.json", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const [first] = r.stdout.split("\n");
  assert.match(
    first,
    /^120 points from (.*) \(trainer_state\.json\); last loss [0-9.]+ at step 120 of 120$/,
  );
  assert.ok(inCache(first.split(" points from ")[1]), first);
  assert.deepEqual(readdirSync(join(out, "figures")).sort(), [
    "training-curves-trainer_state.html",
    "training-curves-trainer_state.png",
  ]);
});

test("launch --data hub:FILE: the codebase gets the cached file's path", async () => {
  const s = writeStandIns();
  const root = writeLongvaClone(join(work, "longva"));
  const r = await t3kit(
    [
      ...["launch", "--preset", "longva-7b-t3", "--data", "hub:t3kit/training/mix.json"],
      ...["--codebase", root, "--out", join(work, "launch run"), "--checkpoint-gib", "1"],
    ],
    { PATH: s.path, T3KIT_STANDIN_LOG: s.log },
  );
  assert.equal(r.code, 0, r.stderr);
  const [call] = s.records().filter((c) => c.prog === "torchrun");
  const data = call.argv[call.argv.indexOf("--data_path") + 1];
  assert.ok(inCache(data), data);
  assert.deepEqual(readFileSync(data), MIX);
});
