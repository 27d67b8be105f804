// The command line as one commander program: every command (enumerated from the program
// itself, so a new one cannot be missed) answers --help with generated usage and describes
// each of its options; unknown stages and flags are usage errors that say what was wrong.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import type { Command, Option } from "commander";
import { allCommands, buildProgram } from "../scripts/cli/build-program";
import { commandPath } from "../scripts/cli/stage-command";

const t3kit = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

const commands = allCommands(buildProgram());
const path = (c: Command) => commandPath(c).split(" ").slice(1);

test("every command answers --help with its generated usage and exit 0", () => {
  assert.ok(commands.length > 15, `${commands.length} commands`);
  for (const c of commands) {
    const r = t3kit(...path(c), "--help");
    assert.equal(r.status, 0, `${commandPath(c)} --help: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^Usage: ${commandPath(c)}\\b`), commandPath(c));
  }
});

test("every option and argument of every command is described", () => {
  const bare: string[] = [];
  for (const c of commands) {
    for (const o of c.options as Option[])
      if (!o.description) bare.push(`${commandPath(c)} ${o.flags}`);
    for (const a of c.registeredArguments)
      if (!a.description) bare.push(`${commandPath(c)} <${a.name()}>`);
  }
  assert.deepEqual(bare, []);
});

test("the top-level help lists every stage, help and --version; `help STAGE` is the stage's help", () => {
  const top = t3kit("--help");
  assert.equal(top.status, 0);
  for (const c of buildProgram().commands)
    assert.match(top.stdout, new RegExp(`\\n  ${c.name()}\\b`));
  assert.match(top.stdout, /--version/);
  assert.match(top.stdout, /\n {2}help \[stage\]/);
  const viaHelp = t3kit("help", "tokens");
  assert.equal(viaHelp.status, 0);
  assert.equal(viaHelp.stdout, t3kit("tokens", "--help").stdout);
  const version = t3kit("--version");
  assert.equal(version.stdout.trim(), require("../package.json").version);
});

test("an unknown stage, sub-command or flag is a usage error (exit 2) that names it", () => {
  const stage = t3kit("synthesise-typo");
  assert.equal(stage.status, 2);
  assert.match(stage.stderr, /^t3kit: unknown command 'synthesise-typo'/);
  const flag = t3kit("results", "--bogus");
  assert.equal(flag.status, 2);
  assert.match(
    flag.stderr,
    /^t3kit results: unknown option '--bogus' \(see t3kit results --help\)/,
  );
  const sub = t3kit("tokens", "counts", "x.json");
  assert.equal(sub.status, 2);
  assert.match(sub.stderr, /^t3kit tokens: unknown command 'counts'/);
});

test("a bad value is refused before any work, naming the flag and the bound", () => {
  const r = t3kit("synthesize", "--seed", "-1");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^t3kit synthesize: --seed: "-1" is not an integer at least 0/);
  const l = t3kit("synthesize", "--lengths", "1,,2");
  assert.equal(l.status, 2);
  assert.match(l.stderr, /--lengths: "1,,2" has an empty item/);
  const t = t3kit("synthesize", "--tasks", "order,colour");
  assert.equal(t.status, 2);
  assert.match(t.stderr, /--tasks: "order,colour" has "colour", which is not one of/);
});
