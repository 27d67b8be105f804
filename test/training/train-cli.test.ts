// `t3kit train plan|convert|curves` from the command line.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { dataDir, projectRoot } from "../../lib/paths/index";
import { DEBIAN_PYTHON } from "../oracle/debian-python";

const CLI = join(projectRoot, "scripts", "t3kit.cjs");
const run = (args: string[]) =>
  spawnSync(process.execPath, [CLI, "train", ...args], { encoding: "utf8" });

test("train plan writes the run folder; the same spec gives the same bytes; --help", () => {
  const out = join(mkdtempSync(join(tmpdir(), "t3kit plan ")), "run 'x'");
  const args = [
    "plan",
    join(dataDir, "training", "specs", "qwen2-vl-7b-2nodes.yaml"),
    "--data",
    join(dataDir, "llava", "llava-sample.json"),
    "--out",
    out,
  ];
  const first = run(args);
  assert.equal(first.status, 0, first.stderr);
  assert.match(
    first.stdout,
    /batch: 1 per device x 8 accumulation x 8 GPUs x 2 node\(s\) = 128 global \(accumulation derived\)/,
  );
  assert.match(first.stdout, /learning_rate +2e-5 +\[spec: hyperparameters\.learning_rate\]/);
  assert.match(first.stdout, /command:\n {2}cd .* && sbatch --parsable /);
  const files = readdirSync(out).sort();
  assert.deepEqual(files, [
    "command.sh",
    "dataset_info.json",
    "manifest.json",
    "plan.json",
    "train.sbatch",
    "train.yaml",
  ]);
  const bytes = files.map((f) => readFileSync(join(out, f), "utf8"));
  assert.equal(run(args).status, 0);
  assert.deepEqual(
    files.map((f) => readFileSync(join(out, f), "utf8")),
    bytes,
  );
  const sbatch = readFileSync(join(out, "train.sbatch"), "utf8");
  assert.match(
    sbatch,
    /srun --jobid "\$SLURM_JOBID" bash -c 'NODE_RANK=\$SLURM_NODEID llamafactory-cli train /,
  );
  const help = run(["plan", "--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: t3kit train plan \[options\] \[SPEC\]/);
  const bad = run(["plan", "--preset", "longva-7b-t3", "--gpus", "zero"]);
  assert.equal(bad.status, 2);
  const missing = run(["plan", "--preset", "longva-7b-t3", "--data", join(out, "none.json")]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /none\.json: no such file \(--data\)/);
});

test("train plan --llamafactory-version: only with --fit, only for LLaMA-Factory's run, refused before anything is written", () => {
  const out = join(mkdtempSync(join(tmpdir(), "t3kit plan-lf ")), "run");
  const data = join(dataDir, "llava", "llava-sample.json");
  const plan = (...args: string[]) => run(["plan", "--data", data, "--out", out, ...args]);
  const noFit = plan("--preset", "qwen2-vl-7b-t3", "--llamafactory-version", "0.9.2");
  assert.equal(noFit.status, 2);
  assert.match(noFit.stderr, /--llamafactory-version needs --fit/);
  const longva = plan("--preset", "longva-7b-t3", "--fit", "--llamafactory-version", "0.9.2");
  assert.equal(longva.status, 2);
  assert.match(longva.stderr, /the preset longva-7b-t3 is a longva run, not LLaMA-Factory's/);
  assert.equal(longva.stdout, "");
  const bad = plan("--preset", "qwen2-vl-7b-t3", "--fit", "--llamafactory-version", "0.9.3");
  assert.equal(bad.status, 2);
  assert.throws(() => readdirSync(out), /ENOENT/);
  const ok = plan("--preset", "qwen2-vl-7b-t3", "--fit", "--llamafactory-version", "0.9.2");
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(
    ok.stdout,
    /fit \(cutoff_len 8192; .*images and videos as LLaMA-Factory v0\.9\.2 sizes them\)/,
  );
  const released = run([
    "plan",
    "--data",
    data,
    "--out",
    `${out}2`,
    "--preset",
    "qwen2-vl-7b-t3",
    "--fit",
  ]);
  assert.match(released.stdout, /images and videos as LLaMA-Factory v0\.9\.1 sizes them/);
});

test("train convert --videos --ratios: the Qwen video-ratio sets, converted, loadable by LLaMA-Factory's rules", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit ratios "));
  mkdirSync(join(dir, "videos"));
  const t3 = Array.from({ length: 10 }, (_, i) => ({
    conversations: [
      { from: "human", value: `Q${i} 中文` },
      { from: "gpt", value: `A${i}` },
    ],
  }));
  const video = Array.from({ length: 20 }, (_, i) => {
    writeFileSync(join(dir, "videos", `v${i}.mp4`), "x");
    return {
      id: `v${i}`,
      video: `v${i}.mp4`,
      conversations: [
        { from: "human", value: "<image>\nWhat happens?" },
        { from: "gpt", value: "Things." },
      ],
    };
  });
  writeFileSync(join(dir, "t3.json"), JSON.stringify(t3));
  writeFileSync(join(dir, "video.json"), JSON.stringify(video));
  const out = join(dir, "out");
  const r = run([
    "convert",
    "--to",
    "llamafactory",
    "--data",
    join(dir, "t3.json"),
    "--videos",
    join(dir, "video.json"),
    "--ratios",
    "0.5,2.0",
    "--video-folder",
    join(dir, "videos"),
    "--out",
    out,
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ratio 0\.5: 10 T3 \+ 5 video = 15 rows/);
  assert.match(r.stdout, /ratio 2\.0: 10 T3 \+ 20 video = 30 rows/);
  for (const [name, rows] of [
    ["t3+VRatio0.5", 15],
    ["t3+VRatio2.0", 30],
  ] as const) {
    const check = JSON.parse(
      execFileSync(
        DEBIAN_PYTHON,
        [join(__dirname, "loader_rules.py"), "llamafactory", out, name, "/"],
        { encoding: "utf8" },
      ),
    );
    assert.deepEqual(check.problems, [], name);
    assert.equal(check.rows, rows);
  }
  const info = JSON.parse(readFileSync(join(out, "dataset_info.json"), "utf8"));
  assert.deepEqual(Object.keys(info).sort(), ["t3+VRatio0.5", "t3+VRatio2.0"]);
  const tooMany = run([
    "convert",
    "--to",
    "ms-swift",
    "--data",
    join(dir, "t3.json"),
    "--videos",
    join(dir, "video.json"),
    "--ratios",
    "3",
    "--out",
    join(dir, "o2"),
  ]);
  assert.equal(tooMany.status, 1);
  assert.match(tooMany.stderr, /int\(10 x 3\) = 30 video records, the file holds 20/);
});

test("train curves writes a PNG and an interactive page", () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit curves out "));
  const r = run([
    "curves",
    join(dataDir, "training", "logs", "llamafactory-trainer_log.jsonl"),
    "--out",
    out,
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /30 points from .* \(trainer_log\.jsonl\); last loss [0-9.]+ at step 300 of 300/,
  );
  const png = readFileSync(join(out, "figures", "training-curves-llamafactory-trainer_log.png"));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.match(
    readFileSync(join(out, "figures", "training-curves-llamafactory-trainer_log.html"), "utf8"),
    /learning rate/,
  );
});
