/**
 * `npm run bench:mix`: `t3kit mix reference` (the paper's released mixing recipe, byte for
 * byte) against the same recipe in CPython (test/oracle/reference_mix.py), and with
 * --mix-run `t3kit mix run SPEC` against bench/mix_run_reference.py (a spec that mixes the
 * 13 T3 files with the LLaVA file at lRatio 2 and writes Python's json.dump indent=4, see
 * mix-bench-spec.ts), on synthetic inputs of two shapes and two kinds of text (cases in
 * mix-bench-cases.ts):
 *   shape 1m:       1M LLaVA records, long answers (about 1.5 GB) + 13 × 15k T3 pairs, 16 captions
 *   shape t3-heavy: 200k LLaVA records, short answers (about 114 MB) + 13 × 20k T3 pairs,
 *                   2 captions (about 258 MB): T3 records dominate the output
 *   text ascii:     mostly plain English; escapes: CJK, emoji, quotes, backslashes, control
 *                   characters, U+2028 in half the sentences, `\uXXXX` and raw UTF-8 sources.
 *
 * Per case and job: --runs alternating runs (CPython, then t3kit), best of each reported,
 * every run listed; wall time, CPU time (user + system, all threads) and peak RSS from
 * /usr/bin/time -v; before each t3kit run, the
 * write floor (mix-bench-floor.ts: writing files of the outputs' names and sizes, in this
 * process, in the same memory state); then with --busy one more run of each while another
 * process keeps a core busy; the outputs compared byte for byte (`mix run`: the mix file,
 * not the manifest). Prints one table (ratio = CPython / t3kit, kit/floor = t3kit / floor),
 * every run, load average, cores, versions, the issue's targets with PASS/FAIL per case
 * (mix-bench-report.ts), and a `BENCH_JSON {...}` line. Exit code 1 if any output differs.
 *
 * Options:
 *   --shapes 1m,t3-heavy   --texts ascii,escapes   (default: all four cases)
 *   --runs N               alternating runs of each (default 2)
 *   --busy / --no-busy     the busy-core runs (default on)
 *   --mix-run / --no-mix-run   the `mix run` rows (default on)
 *   --js-scanner / --no-js-scanner   one more t3kit run per row with T3KIT_JSON_SCANNER=js
 *                          (lib/json's JavaScript walkers), for the wasm scanner's gain in the
 *                          same run (default on); the other t3kit runs name wasm
 *   --dir DIR              keep inputs in DIR/<shape>-<text>/ and reuse them while the sizes
 *                          match (default: a temp folder, each case's removed when it is done)
 *   --keep                 leave the outputs (and a temp folder) in place
 *   --baseline FILE        a file with an earlier BENCH_JSON line: peak RSS compared with it
 *   --llava-records N --t3-records N --captions N   override every shape's sizes (dev runs)
 * Progress goes to stderr, the report to stdout.
 *
 * Run time at full size on 2 cores (measured): about 40 minutes with the defaults and the
 * inputs reused with --dir (making them adds about 3 minutes: 1m cases 60-90 s each), most
 * of it CPython (60-85 s per reference run on the 1m shape); with --runs 1 about 20 minutes.
 * A dev run of all four cases at `--llava-records 3000 --t3-records 300 --captions 2
 * --runs 1` takes about a minute.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/paths/index";
import type { SyntheticText } from "../test/fixtures/synthetic-mix-data";
import {
  type BenchCase,
  SHAPES,
  type Shape,
  type ShapeName,
  TEXTS,
  benchCases,
  ensureInputs,
  inputBytes,
  pickList,
} from "./mix-bench-cases";
import { writeFloor } from "./mix-bench-floor";
import {
  type Timed,
  busyCore,
  folderBytes,
  folderFiles,
  sameOutputs,
  timed,
} from "./mix-bench-measure";
import {
  type Row,
  type RowSummary,
  formatRuns,
  formatTable,
  formatTargets,
  readBaseline,
  rowLabel,
  summarize,
} from "./mix-bench-report";
import { writeMixRunSpec } from "./mix-bench-spec";

const say = (s: string) => process.stderr.write(`${s}\n`);

/** One thing measured on a case: the two commands and which output files must match. */
interface Job {
  name: Row["job"];
  slug: string;
  /** t3kit's command, with lib/json's scanner named (a missing wasm build then fails the run). */
  kit(out: string, scanner?: "wasm" | "js"): string[];
  python(out: string): string[];
  /** The output files compared (all when absent). */
  compared?: string[];
}

/** The environment that picks lib/json's scanner for a t3kit run. */
function scannerEnv(scanner: "wasm" | "js"): string[] {
  return ["env", `T3KIT_JSON_SCANNER=${scanner}`];
}

function referenceJob(c: BenchCase): Job {
  return {
    name: "reference",
    slug: "reference",
    kit: (out, scanner = "wasm") => [
      ...scannerEnv(scanner),
      process.execPath,
      join(projectRoot, "scripts", "t3kit.cjs"),
      ...["mix", "reference", "--llava", c.llava, "--t3-dir", c.t3Dir, "--out", out],
    ],
    python: (out) => [
      "python3",
      join(projectRoot, "test", "oracle", "reference_mix.py"),
      ...["--llava", c.llava, "--t3-dir", c.t3Dir, "--out", out],
    ],
  };
}

function mixRunJob(c: BenchCase): Job {
  const spec = writeMixRunSpec(c);
  return {
    name: "mix run",
    slug: "mix-run",
    kit: (out, scanner = "wasm") => [
      ...scannerEnv(scanner),
      process.execPath,
      join(projectRoot, "scripts", "t3kit.cjs"),
      ...["mix", "run", spec.yaml, "--out", out],
    ],
    python: (out) => [
      "python3",
      join(projectRoot, "bench", "mix_run_reference.py"),
      ...[spec.json, "--out", out],
    ],
    compared: [spec.output],
  };
}

interface RunOptions {
  runs: number;
  busy: boolean;
  keep: boolean;
  /** One more quiet t3kit run per job with the JavaScript scanner (the wasm one's gain). */
  jsScanner: boolean;
}

/** Measures one job on one case: the quiet row, and the busy row with --busy. */
function measureJob(c: BenchCase, job: Job, opts: RunOptions, inBytes: number): Row[] {
  const outKit = join(c.dir, `out-${job.slug}-kit`);
  const outPy = join(c.dir, `out-${job.slug}-python`);
  const floorDir = join(c.dir, `out-${job.slug}-floor`);
  for (const d of [outKit, outPy, floorDir]) rmSync(d, { recursive: true, force: true });
  const tag = (what: string) => `[${c.name}] ${job.name}${what}`;
  const check = (t: Timed, who: string) => {
    if (t.exit !== 0)
      throw new Error(`${tag("")}: ${who} failed (exit ${t.exit}):\n${t.stderr.slice(-4000)}`);
    return t;
  };
  const python = (what: string): Timed => {
    rmSync(outPy, { recursive: true, force: true });
    say(tag(`${what}: CPython …`));
    return check(timed(job.python(outPy)), "python");
  };
  const kit = (what: string): { t: Timed; floor: number } => {
    // The floor follows the removal of the previous kit output (or, before the first kit
    // run, of a warm-up copy of the floor itself), and the kit follows the removal of the
    // floor's folder: both write into the same kind of just-freed memory.
    const sizes = folderFiles(existsSync(outKit) ? outKit : outPy);
    if (existsSync(outKit)) rmSync(outKit, { recursive: true, force: true });
    else writeFloor(sizes, floorDir);
    const floor = writeFloor(sizes, floorDir);
    say(tag(`${what}: write floor ${floor.toFixed(3)} s; t3kit …`));
    return { t: check(timed(job.kit(outKit)), "t3kit"), floor };
  };
  const row = (busy: boolean): Row => ({
    case: c.name,
    job: job.name,
    busy,
    inputBytes: inBytes,
    outputBytes: 0,
    kit: [],
    python: [],
    floors: [],
    identical: false,
  });
  const finish = (r: Row): Row => {
    r.outputBytes = folderBytes(outKit);
    r.identical = sameOutputs(outKit, outPy, job.compared);
    const s = summarize(r);
    say(
      tag(
        `${r.busy ? " busy" : ""}: CPython ${s.pythonS.toFixed(2)} s, t3kit ${s.kitS.toFixed(2)} s (${s.ratio.toFixed(1)}x); CPU ${s.pythonCpuS.toFixed(1)} / ${s.kitCpuS.toFixed(1)} s (${s.cpuRatio.toFixed(1)}x)${s.jsKitS === undefined ? "" : `; JS scanner ${s.jsKitS.toFixed(2)} s, CPU ${s.jsKitCpuS?.toFixed(1)} s`}, floor ${s.floorS.toFixed(3)} s, byte-identical ${r.identical ? "yes" : "NO"}`,
      ),
    );
    return r;
  };
  const rows: Row[] = [];
  const quiet = row(false);
  for (let k = 0; k < opts.runs; k++) {
    const what = ` run ${k + 1}/${opts.runs}`;
    quiet.python.push(python(what));
    const { t, floor } = kit(what);
    quiet.kit.push(t);
    quiet.floors.push(floor);
  }
  if (opts.jsScanner) {
    const outJs = `${outKit}-js`;
    rmSync(outJs, { recursive: true, force: true });
    say(tag(": t3kit with the JavaScript scanner …"));
    quiet.kitJs = [check(timed(job.kit(outJs, "js")), "t3kit (js scanner)")];
    quiet.identicalJs = sameOutputs(outJs, outPy, job.compared);
    rmSync(outJs, { recursive: true, force: true });
  }
  rows.push(finish(quiet));
  if (opts.busy) {
    const busy = row(true);
    const spinner = busyCore();
    try {
      busy.python.push(python(" with a core busy"));
      const { t, floor } = kit(" with a core busy");
      busy.kit.push(t);
      busy.floors.push(floor);
    } finally {
      spinner.stop();
    }
    rows.push(finish(busy));
  }
  if (!opts.keep) for (const d of [outKit, outPy]) rmSync(d, { recursive: true, force: true });
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shapes: { type: "string", default: "1m,t3-heavy" },
      texts: { type: "string", default: "ascii,escapes" },
      runs: { type: "string", default: "2" },
      busy: { type: "boolean" },
      "no-busy": { type: "boolean" },
      "mix-run": { type: "boolean" },
      "no-mix-run": { type: "boolean" },
      "js-scanner": { type: "boolean" },
      "no-js-scanner": { type: "boolean" },
      dir: { type: "string" },
      keep: { type: "boolean", default: false },
      baseline: { type: "string" },
      "llava-records": { type: "string" },
      "t3-records": { type: "string" },
      captions: { type: "string" },
    },
  });
  const shapes = pickList(values.shapes!, Object.keys(SHAPES) as ShapeName[], "shapes");
  const texts = pickList(values.texts!, TEXTS as SyntheticText[], "texts");
  const overrides: Partial<Shape> = {};
  const int = (v: string | undefined, flag: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${flag}: expected a positive integer, got ${v}`);
    return n;
  };
  if (values["llava-records"])
    overrides.llavaRecords = int(values["llava-records"], "llava-records");
  if (values["t3-records"]) overrides.t3Records = int(values["t3-records"], "t3-records");
  if (values.captions) overrides.captions = int(values.captions, "captions");
  const opts: RunOptions = {
    runs: int(values.runs, "runs"),
    busy: !values["no-busy"],
    keep: values.keep ?? false,
    jsScanner: !values["no-js-scanner"],
  };
  const mixRun = !values["no-mix-run"];
  const baseline = values.baseline ? readBaseline(values.baseline) : undefined;
  const root = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), "t3kit-bench-mix-"));
  mkdirSync(root, { recursive: true });
  const rows: RowSummary[] = [];
  try {
    for (const c of benchCases(root, shapes, texts, overrides)) {
      await ensureInputs(c, (s) => say(`[${c.name}] ${s}`));
      const inBytes = inputBytes(c);
      for (const r of measureJob(c, referenceJob(c), opts, inBytes)) rows.push(summarize(r));
      if (mixRun)
        for (const r of measureJob(c, mixRunJob(c), opts, inBytes)) rows.push(summarize(r));
      if (!values.dir && !opts.keep) rmSync(c.dir, { recursive: true, force: true });
    }
  } finally {
    if (!values.dir && !opts.keep) rmSync(root, { recursive: true, force: true });
    else say(`inputs${opts.keep ? " and outputs" : ""} left in ${root}`);
  }
  const pyVersion = spawnSync("python3", ["--version"], { encoding: "utf8" }).stdout.trim();
  const load = loadavg().map((x) => x.toFixed(2));
  const out = [
    `bench:mix — t3kit mix reference${mixRun ? " and mix run" : ""} vs CPython (runs ${opts.runs}, best of each)`,
    ...formatTable(rows),
    "runs (wall s):",
    ...formatRuns(rows),
    `load average now ${load.join(" ")} on ${cpus().length} cores; node ${process.versions.node}, ${pyVersion}`,
    ...formatTargets(rows, baseline),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  const json = {
    rows: rows.map(({ runs, ...r }) => r),
    runs: opts.runs,
    cores: cpus().length,
    load: loadavg().map((x) => Number(x.toFixed(2))),
    node: process.versions.node,
    python: pyVersion.replace(/^Python /, ""),
  };
  process.stdout.write(`BENCH_JSON ${JSON.stringify(json)}\n`);
  if (rows.some((r) => !r.identical)) {
    say(
      `outputs differ: ${rows
        .filter((r) => !r.identical)
        .map(rowLabel)
        .join(", ")}`,
    );
    process.exitCode = 1;
  }
}

main().catch((e) => {
  say(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
});
