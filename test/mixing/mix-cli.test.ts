import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runPythonJson } from "../oracle/run-python";

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", "mix", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

test("mix and each subcommand have --help", () => {
  for (const sub of [[], ["reference"], ["run"], ["plan"]]) {
    const r = cli([...sub, "--help"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: t3kit mix\b/);
  }
  assert.equal(cli(["frobnicate"]).status, 2);
});

test("mix plan prints the table and fails when a source cannot be read; mix run writes the sweep", () => {
  const ok = cli(["plan", "data/mixes/tempcompass/temporal-grounding.yaml"]);
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(ok.stdout, /grounding\s+t3\s+text\s+30\b/);
  const plan = cli([
    "plan",
    "data/mixes/tempcompass/temporal-grounding.yaml",
    "--var",
    "t3=/nonexistent",
  ]);
  assert.equal(plan.status, 1);
  assert.match(plan.stdout, /grounding .* no such file or folder/);
  assert.match(plan.stdout, /paper: tempcompass, row "\+ Temporal Grounding"/);

  const out = mkdtempSync(join(tmpdir(), "t3kit-cli-"));
  const run = cli(["run", "data/mixes/sweeps/embedded-demo.yaml", "--out", out]);
  assert.equal(run.status, 0, run.stderr);
  const files = readdirSync(out);
  assert.equal(files.filter((f) => f.endsWith(".manifest.json")).length, 9);
  assert.match(
    readFileSync(join(out, "sweep-embedded-demo.sweep.csv"), "utf8"),
    /^point,order_long_1x,attribute_long_1x,llava_next,/,
  );

  const bad = join(out, "bad.yaml");
  writeFileSync(
    bad,
    "name: bad\nsources:\n  - name: a\n    kind: t3\n    path: x.json\n    count: 3\n    fraction: 0.5\n",
  );
  const r = cli(["run", bad, "--out", out]);
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /bad\.yaml, field sources\[0\]: give exactly one of count, fraction, proportion/,
  );
  const v = cli([
    "plan",
    "data/mixes/tempcompass/temporal-change-1x.yaml",
    "--var",
    `t3=${join(out, "nowhere")}`,
  ]);
  assert.equal(v.status, 1);
  assert.match(v.stdout, /nowhere\/temp_qa_order_train_long\.json/);
});

test("mix run lists each mix with its record count, then the sweep's table, as the files hold them", () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit-cli-list-"));
  const run = cli(["run", "data/mixes/sweeps/embedded-demo.yaml", "--out", out]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split("\n");
  const listed = lines.slice(0, 9).map((l) => {
    const m = /^( *)(\d+) records {2}(\/.+\.json)$/.exec(l);
    assert.ok(m, l);
    assert.equal(m[1].length + m[2].length, 8, `the count is right-aligned in 8: ${l}`);
    return { records: Number(m[2]), file: m[3] };
  });
  const counts = runPythonJson<number[]>(
    "import json,sys\nprint(json.dumps([len(json.load(open(p))) for p in json.load(sys.stdin)]))",
    JSON.stringify(listed.map((x) => x.file)),
  );
  assert.deepEqual(
    listed.map((x) => x.records),
    counts,
  );
  assert.equal(lines[9], "");
  assert.equal(
    lines.slice(10).join("\n"),
    readFileSync(join(out, "sweep-embedded-demo.sweep.csv"), "utf8"),
  );
});

test("mix reference lists the 12 outputs, written then kept, and says how many of each", () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit-cli-ref-"));
  const r = cli([
    ...["reference", "--llava", "data/llava/llava-sample.json"],
    ...["--t3-dir", "data/t3", "--out", out],
  ]);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trimEnd().split("\n");
  assert.equal(rows.length, 12);
  const parsed = rows.map((l) => {
    const m = /^(written|kept \(exists; --force overwrites\)) +(\d+) {2}(\/.+\.json)$/.exec(l);
    assert.ok(m, l);
    assert.equal(l.indexOf(m[2]) + m[2].length, 34 + 1 + 8, `columns: ${l}`);
    return { status: m[1], records: Number(m[2]), file: m[3] };
  });
  // The released script writes 12 names, 6 of them twice: the second of each is kept.
  assert.deepEqual(
    parsed.map((p) => p.status.split(" ")[0]),
    [...Array(6).fill("written"), ...Array(6).fill("kept")],
  );
  const counts = runPythonJson<number[]>(
    "import json,sys\nprint(json.dumps([len(json.load(open(p))) for p in json.load(sys.stdin)]))",
    JSON.stringify(parsed.map((p) => p.file)),
  );
  assert.deepEqual(
    parsed.map((p) => p.records),
    counts,
  );
  assert.match(r.stderr, /\n6 written, 6 kept, in \d+\.\d s\n$/);
  const missing = cli(["reference", "--llava", "nope.json", "--t3-dir", "data/t3", "--out", out]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, "t3kit mix reference: nope.json: no such file (--llava)\n");
});
