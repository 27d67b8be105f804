// Defect 8: nothing left behind. A failed or interrupted synthesize leaves no (empty)
// output folder; a sweep's summary CSV is written atomically like every other output.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

test("a synthesize that fails after opening its outputs leaves no output folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-leftover-"));
  const out = join(dir, "deep", "out");
  // The captions survey passes; the contrast server (nothing listens on port 9) fails
  // once items are being made, with the output files open.
  const r = cli([
    "synthesize",
    "--out",
    out,
    "--tasks",
    "attribute",
    "--lengths",
    "1",
    "--llm-endpoint",
    "http://127.0.0.1:9/v1",
    "--llm-model",
    "m",
  ]);
  assert.notEqual(r.status, 0, r.stdout);
  assert.deepEqual(readdirSync(dir), [], "the failed run left its folder");
});

test("an interrupted synthesize leaves no output folder", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-leftover-"));
  const out = join(dir, "out");
  const child = spawn(
    process.execPath,
    ["scripts/t3kit.cjs", "synthesize", "--out", out, "--per-task", "15000"],
    { stdio: "ignore" },
  );
  const exited = new Promise((r) => child.once("exit", r));
  const deadline = Date.now() + 120_000;
  while (!existsSync(out) && child.exitCode === null && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGINT");
  await exited;
  assert.deepEqual(readdirSync(dir), [], "the interrupted run left its folder");
});

test("the sweep summary CSV is replaced (with --force) by a rename, never written in place", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-leftover-"));
  const other = join(dir, "someone-elses.csv");
  writeFileSync(other, "precious\n");
  // A hard link: a write in place would change the other file as well.
  linkSync(other, join(dir, "sweep-embedded-demo.sweep.csv"));
  // Not the kit's file: refused (the output guard) and left as it was, then replaced with --force.
  const refused = cli(["mix", "run", "data/mixes/sweeps/embedded-demo.yaml", "--out", dir]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /sweep\.csv: exists and was not written by t3kit.*--force/);
  assert.deepEqual(readdirSync(dir).sort(), ["someone-elses.csv", "sweep-embedded-demo.sweep.csv"]);
  const r = cli(["mix", "run", "data/mixes/sweeps/embedded-demo.yaml", "--out", dir, "--force"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(other, "utf8"), "precious\n");
  assert.match(readFileSync(join(dir, "sweep-embedded-demo.sweep.csv"), "utf8"), /^point,/);
});
