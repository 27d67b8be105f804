import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { commands } from "../scripts/commands/index";

const t3kit = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

test("every stage answers --help with its usage and exit 0", () => {
  for (const c of commands) {
    const r = t3kit(c.name, "--help");
    assert.equal(r.status, 0, `${c.name} --help: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`Usage: npx t3kit ${c.name}`));
  }
  const top = t3kit("--help");
  assert.equal(top.status, 0);
  for (const c of commands) assert.match(top.stdout, new RegExp(`\\b${c.name}\\b`));
});

test("an unknown stage or flag is a usage error (exit 2) that says what was wrong", () => {
  const r = t3kit("synthesise-typo");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown stage "synthesise-typo"/);
  const f = t3kit("results", "--bogus");
  assert.equal(f.status, 2);
  assert.match(f.stderr, /Unknown option '--bogus'/);
});

test("the registry's names and summaries are each command module's own", () => {
  const modules: Record<string, Record<string, { name: string; summary: string }>> = {
    hub: require("../scripts/commands/hub"),
    probe: require("../scripts/commands/probe"),
    synthesize: require("../scripts/commands/synthesize"),
    mix: require("../scripts/commands/mix"),
    tokens: require("../scripts/commands/tokens"),
    train: require("../scripts/commands/train"),
    results: require("../scripts/commands/results"),
    eval: require("../scripts/commands/eval"),
    report: require("../scripts/commands/report"),
    notebooks: require("../scripts/commands/notebooks"),
  };
  assert.deepEqual(
    commands.map((c) => c.name),
    Object.keys(modules),
  );
  for (const c of commands) {
    const own = Object.values(modules[c.name]).find((x) => x?.name === c.name);
    assert.ok(own, `scripts/commands/${c.name}.ts exports a command named ${c.name}`);
    assert.equal(c.summary, own.summary);
  }
});
