import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", "mix", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

test("mix and each subcommand have --help", () => {
  for (const sub of [[], ["reference"], ["run"], ["plan"]]) {
    const r = cli([...sub, "--help"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Usage: npx t3kit mix/);
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
