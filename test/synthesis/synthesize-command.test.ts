/** `npx t3kit synthesize` as a user runs it: help, usage errors, input errors, a run. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";

const root = mkdtempSync(join(tmpdir(), "t3kit-synth-cli-"));

function t3kit(...args: string[]) {
  return spawnSync(
    process.execPath,
    [join(projectRoot, "scripts", "t3kit.cjs"), "synthesize", ...args],
    {
      encoding: "utf8",
    },
  );
}

test("--help describes every option and task", () => {
  const r = t3kit("--help");
  assert.equal(r.status, 0);
  for (const s of [
    "--captions",
    "--tasks",
    "--lengths",
    "--per-task",
    "--seed",
    "--llm-endpoint",
    "refer_anchor_any2temp",
  ]) {
    assert.ok(r.stdout.includes(s), s);
  }
});

test("annotate has its own help and needs both files", () => {
  let r = t3kit("annotate", "--help");
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Usage: t3kit synthesize annotate \[options\]/);
  assert.match(r.stdout, /--captions <FILE> +the captions to tag/);
  r = t3kit("annotate", "--captions", "x.jsonl");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^t3kit synthesize annotate: --out FILE is required/);
});

test("bad flags are usage errors (exit 2)", () => {
  let r = t3kit("--tasks", "order,sorting");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--tasks: "order,sorting" has "sorting", which is not one of order, /);
  r = t3kit("--lengths", "1,x");
  assert.equal(r.status, 2);
  r = t3kit("--llm-endpoint", "http://127.0.0.1:9/v1");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /needs --llm-model/);
});

test("a missing caption file is an input error (exit 1) and writes nothing", () => {
  const out = join(root, "none");
  const r = t3kit("--captions", join(root, "missing.jsonl"), "--out", out);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.jsonl: no such file \(--captions\)/);
  assert.equal(existsSync(out), false);
});

test("a run on a ReCap-style JSON writes the requested files and a summary", () => {
  const captions = join(root, "recap.json");
  const things = [
    "kettle",
    "bicycle",
    "lantern",
    "teapot",
    "guitar",
    "violin",
    "canoe",
    "tractor",
    "kite",
    "globe",
    "piano",
    "trumpet",
  ];
  const records = things.map((t, i) => ({
    id: `img-${i}`,
    image: `img-${i}.jpg`,
    conversations: [
      { from: "human", value: "<image>\nDescribe the image." },
      {
        from: "gpt",
        value: `The image shows a ${t} near a quiet pond. The background is blurred.`,
      },
    ],
  }));
  writeFileSync(captions, JSON.stringify(records));
  const out = join(root, "out");
  const r = t3kit(
    "--captions",
    captions,
    "--out",
    out,
    "--tasks",
    "order,grounding",
    "--lengths",
    "1",
    "--val-per-task",
    "0",
    "--per-task",
    "6",
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), [
    "manifest.json",
    "temp_qa_grounding_train.json",
    "temp_qa_order_train_long.json",
  ]);
  assert.match(r.stdout, /12 captions -> 12 items \(12 train, 0 validation\), all verified/);
});
