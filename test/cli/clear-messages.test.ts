// Defect 10: messages that name the real fault (and the flag), and conflicting or
// meaningless flags refused.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "t3kit-messages-"));

test("tokens: a record without conversations is reported as that, not as messages/undefined", () => {
  const file = join(dir, "noconv.jsonl");
  writeFileSync(file, `${JSON.stringify({ id: "a", image: "x.jpg", text: "hi" })}\n`);
  const r = cli(["tokens", "count", "--tokenizer", "words", "--workers", "0", file]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /noconv\.jsonl, record 0, field conversations: missing/);
  assert.doesNotMatch(r.stderr, /field messages|undefined/);
});

test("mix run: an empty LLaVA source is named, not blamed on the holdout", () => {
  const empty = join(dir, "empty.json");
  writeFileSync(empty, "[]");
  const spec = join(dir, "spec.yaml");
  writeFileSync(
    spec,
    "name: e\nholdout: { count: 1 }\nsources:\n  - name: llava_next\n    kind: llava\n    path: empty.json\n    fraction: 1\n",
  );
  const r = cli(["mix", "run", spec, "--out", join(dir, "out")]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /field sources\[0\]: .*llava_next.*(empty|no records)/);
  assert.doesNotMatch(r.stderr, /field holdout/);
});

test("synthesize --per-task=-1 names the flag", () => {
  for (const flag of ["--per-task", "--val-per-task"]) {
    const r = cli(["synthesize", `${flag}=-1`, "--out", join(dir, "syn")]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${flag}: "-1"`));
  }
});

test("tokens filter refuses --max-tokens with --preset, and --max-tokens 0", () => {
  const both = cli([
    "tokens",
    "filter",
    "--max-tokens",
    "100",
    "--preset",
    "longva",
    "--out",
    join(dir, "o.json"),
    "data/llava/llava-sample.json",
  ]);
  assert.equal(both.status, 2, both.stderr);
  assert.match(both.stderr, /--max-tokens.*--preset|--preset.*--max-tokens/);
  const zero = cli([
    "tokens",
    "filter",
    "--max-tokens",
    "0",
    "--out",
    join(dir, "o.json"),
    "data/llava/llava-sample.json",
  ]);
  assert.equal(zero.status, 2, zero.stderr);
  assert.match(zero.stderr, /--max-tokens: "0" is not an integer at least 1/);
});
