// The data flow end to end through the command line: captions → `t3kit synthesize` →
// `t3kit mix reference`, checked byte for byte against the Python recipe
// (test/oracle/reference_mix.py, written from the released t3_sft/data_creation.py) on the same inputs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { T3_FILES } from "../../lib/records/index";
import { assertSameFiles, runPythonRecipe } from "../mixing/reference-fixture";

const t3kit = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, "scripts", "t3kit.cjs"), ...args], {
    encoding: "utf8",
  });

test("a synthesised T3 folder feeds `mix reference`, which writes Python's bytes", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-flow-"));
  const t3Dir = join(dir, "t3");
  const synth = t3kit(
    "synthesize",
    "--per-task",
    "40",
    "--val-per-task",
    "5",
    "--seed",
    "7",
    "--out",
    t3Dir,
  );
  assert.equal(synth.status, 0, synth.stderr);
  const names = readdirSync(t3Dir);
  for (const f of T3_FILES) assert.ok(names.includes(f.file), `synthesis wrote ${f.file}`);

  const llava = join(projectRoot, "data", "llava", "llava-sample.json");
  const mix = t3kit(
    "mix",
    "reference",
    "--llava",
    llava,
    "--t3-dir",
    t3Dir,
    "--out",
    join(dir, "ts"),
  );
  assert.equal(mix.status, 0, mix.stderr);
  runPythonRecipe(llava, t3Dir, join(dir, "py"));
  const ours = readdirSync(join(dir, "ts")).sort();
  assert.deepEqual(ours, readdirSync(join(dir, "py")).sort());
  assert.equal(ours.length, 6, "on a small input the 100k and 200k rounds share names: 6 files");
  for (const f of ours) {
    assert.ok(
      readFileSync(join(dir, "ts", f)).equals(readFileSync(join(dir, "py", f))),
      `${f} differs from Python's`,
    );
  }
  // Every synthesised pair arrives as a LLaVA record with the released id scheme.
  const all = JSON.parse(
    readFileSync(join(dir, "ts", ours.find((f) => f.includes("refer_begin_end"))!), "utf8"),
  );
  assert.ok(all.some((r: { id: string }) => r.id.startsWith("tempqa-refer_begin_end_temp2any-v2")));
});

test("data/t3 is exactly what the synthesizer makes from the embedded captions today", () => {
  const out = join(mkdtempSync(join(tmpdir(), "t3kit-embedded-t3-")), "t3");
  // The command in data/t3/README.md.
  const r = t3kit(
    "synthesize",
    "--per-task",
    "30",
    "--val-per-task",
    "0",
    "--seed",
    "42",
    "--out",
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  const shipped = join(projectRoot, "data", "t3");
  const made = readdirSync(out).sort();
  assert.deepEqual(
    made,
    readdirSync(shipped)
      .filter((f) => f !== "README.md")
      .sort(),
  );
  for (const f of made) {
    assert.ok(
      readFileSync(join(out, f)).equals(readFileSync(join(shipped, f))),
      `data/t3/${f} is stale: regenerate it`,
    );
  }
});
