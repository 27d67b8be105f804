// Defect 2: a 0-byte (or blank) file is not "0 records". Python's json.load raises on it,
// and an interrupted download looks exactly like it: every stage refuses it, naming it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readAllRecords } from "../../lib/json/index";
import { runPython } from "../oracle/run-python";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "t3kit-empty-"));
}

test("Python's json.load rejects a 0-byte and a blank file (the oracle)", () => {
  for (const body of ["", "\n \n"]) {
    const verdict = runPython(
      "import json,sys\ntry:\n json.load(sys.stdin)\n print('ok')\nexcept ValueError:\n print('error')",
      body,
    ).trim();
    assert.equal(verdict, "error");
  }
});

test("reading records from a 0-byte or blank file is an error naming the file", async () => {
  const dir = scratch();
  for (const [name, body] of [
    ["empty.json", ""],
    ["blank.jsonl", "\n\n  \n"],
  ]) {
    const file = join(dir, name);
    writeFileSync(file, body);
    await assert.rejects(readAllRecords(file), (e: Error) => {
      assert.ok(e.message.startsWith(file), e.message);
      assert.match(e.message, /empty/);
      return true;
    });
  }
});

test("mix reference refuses a 0-byte LLaVA file and writes nothing", () => {
  const dir = scratch();
  const llava = join(dir, "llava.json");
  writeFileSync(llava, "");
  const out = join(dir, "out");
  const r = cli(["mix", "reference", "--llava", llava, "--t3-dir", "data/t3", "--out", out]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.ok(r.stderr.includes(`${llava}`), r.stderr);
  assert.match(r.stderr, /empty/);
  assert.deepEqual(readdirSync(dir), ["llava.json"]);
});

test("mix run refuses an empty T3 file; tokens count refuses an empty file", () => {
  const dir = scratch();
  const t3 = join(dir, "t3");
  mkdirSync(t3);
  copyFileSync("data/t3/temp_qa_order_train_long.json", join(t3, "temp_qa_order_train_long.json"));
  writeFileSync(join(t3, "temp_qa_attribute_train_long.json"), "");
  const spec = join(dir, "spec.yaml");
  writeFileSync(spec, "name: m\nsources:\n  - name: t\n    kind: t3\n    path: t3\n    count: 5\n");
  const run = cli(["mix", "run", spec, "--out", join(dir, "out")]);
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.ok(run.stderr.includes(join(t3, "temp_qa_attribute_train_long.json")), run.stderr);
  assert.match(run.stderr, /empty/);

  const empty = join(dir, "empty.jsonl");
  writeFileSync(empty, "");
  const count = cli(["tokens", "count", "--tokenizer", "words", "--workers", "0", empty]);
  assert.equal(count.status, 1, count.stdout + count.stderr);
  assert.ok(count.stderr.includes(empty), count.stderr);
  assert.match(count.stderr, /empty/);
});
