// Defect 1: a command must refuse to write over its own input (same path, symlink or hard
// link), before reading anything, and leave the input byte for byte as it was.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "t3kit-over-input-"));
}

function assertRefused(r: ReturnType<typeof cli>, input: string, before: Buffer): void {
  assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, /writing it would destroy the input/);
  assert.ok(r.stderr.includes(input), r.stderr);
  assert.deepEqual(readFileSync(input), before, "the input changed");
}

test("mix run refuses an output named like its input in the same folder", () => {
  const dir = scratch();
  const input = join(dir, "llava.json");
  copyFileSync("data/llava/llava-sample.json", input);
  const before = readFileSync(input);
  const spec = join(dir, "spec.yaml");
  writeFileSync(
    spec,
    "name: llava\nsources:\n  - name: l\n    kind: llava\n    path: llava.json\n    count: 10\n",
  );
  assertRefused(cli(["mix", "run", spec, "--out", dir]), input, before);
  assert.deepEqual(readdirSync(dir).sort(), ["llava.json", "spec.yaml"]);
});

test("tokens filter refuses --out equal to its input, a symlink to it or a hard link", () => {
  const dir = scratch();
  const input = join(dir, "mix.json");
  copyFileSync("data/llava/llava-sample.json", input);
  const before = readFileSync(input);
  const link = join(dir, "link.json");
  symlinkSync(input, link);
  const hard = join(dir, "hard.json");
  linkSync(input, hard);
  for (const out of [input, link, hard]) {
    const r = cli([
      "tokens",
      "filter",
      "--tokenizer",
      "words",
      "--max-tokens",
      "100",
      "--out",
      out,
      input,
    ]);
    assertRefused(r, input, before);
  }
});

test("synthesize refuses an output file that is its caption file", () => {
  const dir = scratch();
  const captions = join(dir, "order_val_long.jsonl");
  copyFileSync("data/captions/embedded-captions.jsonl", captions);
  const before = readFileSync(captions);
  const r = cli([
    "synthesize",
    "--captions",
    captions,
    "--out",
    dir,
    "--tasks",
    "order",
    "--lengths",
    "1",
  ]);
  assertRefused(r, captions, before);
  assert.deepEqual(readdirSync(dir), ["order_val_long.jsonl"]);
});

test("mix reference --force refuses to replace its LLaVA input", () => {
  const dir = scratch();
  const input = join(dir, "llava_next_per100000_total120_lRatio2.json");
  copyFileSync("data/llava/llava-sample.json", input);
  const before = readFileSync(input);
  const r = cli([
    "mix",
    "reference",
    "--llava",
    input,
    "--t3-dir",
    "data/t3",
    "--out",
    dir,
    "--force",
  ]);
  assertRefused(r, input, before);
  assert.deepEqual(readdirSync(dir), ["llava_next_per100000_total120_lRatio2.json"]);
});
