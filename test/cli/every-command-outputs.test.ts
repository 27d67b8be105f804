// Every command that writes, enumerated from the program itself (a new command without an
// invocation here fails the first test): its outputs aimed at each of its inputs, at a file
// inside each input folder, at each other, and into a folder where an input is named like
// what the command writes. Each must be refused in one line, with every input unchanged.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { before, test } from "node:test";
import type { Argument, Command, Option } from "commander";
import { projectRoot } from "../../lib/paths/index";
import { allCommands, buildProgram } from "../../scripts/cli/build-program";
import { isInputRole, isOutputRole, roleOf } from "../../scripts/cli/cli-options";
import { commandPath } from "../../scripts/cli/stage-command";

const CLI = join(projectRoot, "scripts", "t3kit.cjs");
const STATE = mkdtempSync(join(tmpdir(), "t3kit-every-state-"));

interface Invocation {
  /** Declared path flags (and `0`, `1`… for positional arguments) with their values. */
  paths: Record<string, string>;
  /** Other flags. */
  extra: string[];
  /** Whether the command can run here to the end (no network, no launch). */
  runs: boolean;
}

let ws = "";
const W = (p: string) => join(ws, p);

/** One valid invocation per command that writes, on copies of the embedded data. */
const invocations: Record<string, () => Invocation> = {
  "probe videos": () => ({
    paths: { "--out": W("new-videos") },
    extra: ["--per-class", "1", "--aspects", "order"],
    runs: true,
  }),
  "probe features": () => ({
    paths: { "--videos": W("videos"), "--out": W("new-features") },
    extra: ["--aspects", "order"],
    runs: true,
  }),
  "probe train": () => ({
    paths: { "--features": W("features"), "--out": W("new-train.csv") },
    extra: ["--aspects", "order", "--seeds", "12", "--epochs", "1", "--probe", "linear"],
    runs: true,
  }),
  "probe ask": () => ({
    paths: { "--videos": W("videos"), "--cache": W("new-ask-cache"), "--out": W("new-ask.json") },
    extra: ["--endpoint", "http://127.0.0.1:9/v1", "--model", "m", "--aspects", "order"],
    runs: false,
  }),
  synthesize: () => ({
    paths: {
      "--captions": W("captions.jsonl"),
      "--out": W("new-syn"),
      "--llm-cache": W("new-llm-cache"),
    },
    extra: ["--tasks", "order", "--lengths", "1", "--per-task", "2", "--val-per-task", "1"],
    runs: true,
  }),
  "synthesize annotate": () => ({
    paths: { "--captions": W("captions.jsonl"), "--out": W("new-annotations.jsonl") },
    extra: [],
    runs: true,
  }),
  "mix reference": () => ({
    paths: { "--llava": W("llava.json"), "--t3-dir": W("t3"), "--out": W("new-reference") },
    extra: [],
    runs: true,
  }),
  "class release": () => ({
    paths: { 0: W("06-results.ipynb"), "--out": W("new-class") },
    extra: [],
    runs: true,
  }),
  "mix inspect": () => ({
    paths: { 0: W("llava.json"), "--against": W("val.jsonl"), "--out": W("new-inspect") },
    extra: [],
    runs: true,
  }),
  "mix run": () => ({ paths: { 0: W("spec.yaml"), "--out": W("new-mix") }, extra: [], runs: true }),
  "tokens count": () => ({
    paths: { 0: W("llava.json"), "--out": W("new-count.json") },
    extra: ["--tokenizer", "words"],
    runs: true,
  }),
  "tokens filter": () => ({
    paths: { 0: W("llava.json"), "--out": W("new-kept.json"), "--report": W("new-dropped.json") },
    extra: ["--tokenizer", "words", "--max-tokens", "100"],
    runs: true,
  }),
  "tokens report": () => ({
    paths: { 0: W("llava.json"), "--out": W("new-token-report") },
    extra: ["--tokenizer", "words"],
    runs: true,
  }),
  "train plan": () => ({
    paths: { "--data": W("llava.json"), "--out": W("new-plan") },
    extra: ["--preset", "longva-7b-t3"],
    runs: true,
  }),
  "train convert": () => ({
    paths: {
      "--data": W("llava.json"),
      "--out": W("new-converted"),
      "--reencode-videos": W("new-reencoded"),
    },
    extra: ["--to", "llamafactory"],
    runs: true,
  }),
  "train launch": () => ({
    paths: { "--codebase": W("codebase"), "--data": W("llava.json"), "--out": W("new-launch") },
    extra: ["--preset", "longva-7b-t3"],
    runs: false,
  }),
  "train curves": () => ({
    paths: { 0: W("trainer_log.jsonl"), "--out": W("new-curves") },
    extra: [],
    runs: true,
  }),
  results: () => ({ paths: { "--out": W("new-results") }, extra: [], runs: false }),
  report: () => ({ paths: { "--out": W("new-report") }, extra: [], runs: false }),
  "eval textual": () => ({
    paths: { "--cache": W("new-textual-cache") },
    extra: ["--endpoint", "http://127.0.0.1:9/v1", "--model", "m", "--files", W("val.jsonl")],
    runs: false,
  }),
};

interface Declared {
  key: string;
  role: NonNullable<ReturnType<typeof roleOf>>;
}

function declared(cmd: Command): Declared[] {
  const out: Declared[] = [];
  for (const o of cmd.options as Option[]) {
    const role = roleOf(o);
    if (role && o.long) out.push({ key: o.long, role });
  }
  (cmd.registeredArguments as Argument[]).forEach((a, i) => {
    const role = roleOf(a);
    if (role) out.push({ key: String(i), role });
  });
  return out;
}

const writers = allCommands(buildProgram()).filter((c) =>
  declared(c).some((d) => isOutputRole(d.role)),
);
const nameOf = (cmd: Command) => commandPath(cmd).replace(/^t3kit /, "");

function argv(name: string, paths: Record<string, string>, extra: string[]): string[] {
  const positional = Object.keys(paths)
    .filter((k) => /^\d+$/.test(k))
    .sort()
    .map((k) => paths[k]);
  const flags = Object.entries(paths).flatMap(([k, v]) => (/^\d+$/.test(k) ? [] : [k, v]));
  return [...name.split(" "), ...positional, ...flags, ...extra];
}

function t3kit(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, T3KIT_STATE_DIR: STATE },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/** Every file under `path` with its sha256 (one entry for a file). */
function snapshot(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else out[relative(path, p) || "."] = createHash("sha256").update(readFileSync(p)).digest("hex");
  };
  walk(path);
  return out;
}

function firstFileIn(folder: string): string {
  for (const n of readdirSync(folder).sort()) {
    const p = join(folder, n);
    if (statSync(p).isDirectory()) return firstFileIn(p);
    return p;
  }
  throw new Error(`no file in ${folder}`);
}

before(() => {
  ws = mkdtempSync(join(tmpdir(), "t3kit-every-command-"));
  const data = join(projectRoot, "data");
  copyFileSync(join(data, "captions", "embedded-captions.jsonl"), W("captions.jsonl"));
  copyFileSync(join(projectRoot, "notebooks", "06-results.ipynb"), W("06-results.ipynb"));
  copyFileSync(join(data, "llava", "llava-sample.json"), W("llava.json"));
  cpSync(join(data, "t3"), W("t3"), { recursive: true });
  copyFileSync(
    join(data, "training", "logs", "llamafactory-trainer_log.jsonl"),
    W("trainer_log.jsonl"),
  );
  mkdirSync(W("codebase"));
  writeFileSync(W("codebase/README.md"), "a checkout\n");
  writeFileSync(W("val.jsonl"), '{"question": "Which came first?", "answer": "A", "qid": "q0"}\n');
  writeFileSync(
    W("spec.yaml"),
    `name: small\nsources:\n  - name: l\n    kind: llava\n    path: ${JSON.stringify(W("llava.json"))}\n    count: 10\n`,
  );
  const setup = (args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      encoding: "utf8",
      env: { ...process.env, T3KIT_STATE_DIR: STATE },
    });
    assert.equal(r.status, 0, r.stderr);
  };
  setup(["probe", "videos", "--out", W("videos"), "--per-class", "1", "--aspects", "order"]);
  setup([
    "probe",
    "features",
    "--videos",
    W("videos"),
    "--out",
    W("features"),
    "--aspects",
    "order",
  ]);
});

test("every command that writes has an invocation here naming each of its paths", () => {
  assert.ok(writers.length >= 15, `only ${writers.length} writers found`);
  for (const cmd of writers) {
    const make = invocations[nameOf(cmd)];
    assert.ok(make, `no invocation for "${nameOf(cmd)}": add one`);
    const { paths } = make();
    for (const d of declared(cmd).filter((x) => isOutputRole(x.role)))
      assert.ok(d.key in paths, `${nameOf(cmd)}: the invocation leaves ${d.key} out`);
  }
});

interface Case {
  label: string;
  args: string[];
  /** Paths that must be byte for byte the same after the run. */
  keep: string[];
}

function casesFor(cmd: Command): Case[] {
  const name = nameOf(cmd);
  const inv = invocations[name]();
  const roles = new Map(declared(cmd).map((d) => [d.key, d.role]));
  const inputs = Object.keys(inv.paths).filter((k) => isInputRole(roles.get(k)));
  const outputs = Object.keys(inv.paths).filter((k) => isOutputRole(roles.get(k)));
  const cases: Case[] = [];
  const keep = inputs.map((k) => inv.paths[k]);
  for (const o of outputs) {
    for (const i of inputs) {
      cases.push({
        label: `${name}: ${o} = its input ${i}`,
        args: argv(name, { ...inv.paths, [o]: inv.paths[i] }, inv.extra),
        keep,
      });
      if (statSync(inv.paths[i]).isDirectory())
        cases.push({
          label: `${name}: ${o} = a file inside the input folder ${i}`,
          args: argv(name, { ...inv.paths, [o]: firstFileIn(inv.paths[i]) }, inv.extra),
          keep,
        });
    }
    for (const other of outputs.filter((x) => x !== o))
      cases.push({
        label: `${name}: ${o} = its other output ${other}`,
        args: argv(name, { ...inv.paths, [o]: inv.paths[other] }, inv.extra),
        keep,
      });
  }
  return cases;
}

function assertRefused(
  c: Case,
  r: { status: number | null; stderr: string },
  before: Record<string, string>[],
) {
  assert.ok(r.status === 1 || r.status === 2, `${c.label}: exit ${r.status}\n${r.stderr}`);
  // Progress notes may come first; the refusal itself is one line, the last.
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.filter((l) => l.startsWith("t3kit ")).length, 1, `${c.label}:\n${r.stderr}`);
  assert.match(lines[lines.length - 1], /^t3kit /, `${c.label}:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, `${c.label}: a stack trace`);
  c.keep.forEach((p, k) => assert.deepEqual(snapshot(p), before[k], `${c.label}: ${p} changed`));
}

test("outputs aimed at an input, inside an input folder or at each other are refused in one line, inputs unchanged", async () => {
  const cases = writers.flatMap(casesFor);
  assert.ok(cases.length >= 30, `only ${cases.length} cases`);
  for (const c of cases) {
    const before = c.keep.map(snapshot);
    assertRefused(c, await t3kit(c.args), before);
  }
});

test("an output folder holding an input named like a file the command writes: refused, the input unchanged", async () => {
  let checked = 0;
  for (const cmd of writers) {
    const name = nameOf(cmd);
    const inv = invocations[name]();
    if (!inv.runs) continue;
    const roles = new Map(declared(cmd).map((d) => [d.key, d.role]));
    const folders = Object.keys(inv.paths).filter((k) => roles.get(k) === "output-folder");
    const files = Object.keys(inv.paths).filter(
      (k) =>
        roles.get(k) === "input-file" ||
        (roles.get(k) === "input" && statSync(inv.paths[k]).isFile()),
    );
    if (folders.length === 0 || files.length === 0) continue;
    // What the command writes, from a run into fresh folders.
    const fresh = mkdtempSync(join(tmpdir(), "t3kit-every-fresh-"));
    const freshPaths = { ...inv.paths };
    for (const f of folders) freshPaths[f] = join(fresh, f.replace(/\W/g, ""));
    const base = await t3kit(argv(name, freshPaths, inv.extra));
    assert.equal(base.status, 0, `${name}: ${base.stderr}`);
    for (const f of folders) {
      if (!existsSync(freshPaths[f])) continue; // an optional folder this run did not use
      const written = snapshot(freshPaths[f]);
      const firstWritten = Object.keys(written).sort()[0];
      for (const i of files) {
        const dir = mkdtempSync(join(tmpdir(), "t3kit-every-named-"));
        const input = join(dir, firstWritten);
        mkdirSync(dirname(input), { recursive: true });
        copyFileSync(inv.paths[i], input);
        const before = [snapshot(input)];
        const c: Case = {
          label: `${name}: ${f} holds the input ${i} named ${firstWritten}`,
          // --force: the input must be safe as an input, not only as a file the kit did not write.
          args: argv(name, { ...freshPaths, [i]: input, [f]: dir }, [...inv.extra, "--force"]),
          keep: [input],
        };
        const r = await t3kit(c.args);
        // Refused, or the command wrote nothing over it (it reads the input either way).
        if (r.status === 0) assert.deepEqual(snapshot(input), before[0], `${c.label}: overwritten`);
        else assertRefused(c, r, before);
        checked++;
      }
    }
  }
  assert.ok(checked >= 7, `only ${checked} cases ran`);
});
