/**
 * `npm run bench:mix`: the kit's reference recipe against the same recipe in CPython
 * (test/oracle/reference_mix.py, written from the released t3_sft/data_creation.py), on the same synthetic
 * mix1M-sized inputs, in one run. Prints wall time and peak memory (RSS, from
 * /usr/bin/time -v) of both, their ratios, and checks that all 12 outputs are
 * byte-identical. Default scale: 1M LLaVA records (about 1.6 GB) and the 13 T3 files at
 * 15k pairs each (about 0.9 GB); generating them takes about 40 s, the Python run a few
 * minutes. Options: --llava-records N, --t3-records N, --captions N (per 1x pair),
 * --runs N (alternating runs of each, best reported; default 2), --keep (leave the temp
 * folder), --dir DIR (reuse inputs there).
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/paths/index";
import { writeSyntheticLlava, writeSyntheticT3Dir } from "../test/fixtures/synthetic-mix-data";

interface Timed {
  wallSeconds: number;
  peakMiB: number;
  exit: number;
  stderr: string;
}

/** Runs a command under GNU time; returns wall time and peak RSS. */
function timed(cmd: string[]): Timed {
  const r = spawnSync("/usr/bin/time", ["-v", ...cmd], { encoding: "utf8", maxBuffer: 1 << 28 });
  const grab = (label: string) => r.stderr.match(new RegExp(`${label}: (.*)`))?.[1] ?? "";
  const wall = grab("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)")
    .split(":")
    .reduce((a, x) => a * 60 + Number(x), 0);
  return {
    wallSeconds: wall,
    peakMiB: Number(grab("Maximum resident set size \\(kbytes\\)")) / 1024,
    exit: r.status ?? 1,
    stderr: r.stderr,
  };
}

function sameFiles(a: string, b: string): { same: boolean; files: number; bytes: number } {
  const fa = readdirSync(a).sort();
  const fb = readdirSync(b).sort();
  let bytes = 0;
  let same = fa.join("\n") === fb.join("\n");
  for (const f of fa) {
    if (!fb.includes(f)) continue;
    const x = readFileSync(join(a, f));
    bytes += x.length;
    if (!x.equals(readFileSync(join(b, f)))) same = false;
  }
  return { same, files: fa.length, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "llava-records": { type: "string", default: "1000000" },
      "t3-records": { type: "string", default: "15000" },
      captions: { type: "string", default: "16" },
      dir: { type: "string" },
      keep: { type: "boolean", default: false },
      runs: { type: "string", default: "2" },
    },
  });
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), "t3kit-bench-mix-"));
  const llava = join(dir, "llava.json");
  const t3Dir = join(dir, "t3");
  mkdirSync(dir, { recursive: true });
  if (!existsSync(llava)) {
    const t0 = performance.now();
    process.stderr.write(
      `generating ${values["llava-records"]} LLaVA records and 13 T3 files in ${dir} …\n`,
    );
    await writeSyntheticLlava(llava, Number(values["llava-records"]));
    await writeSyntheticT3Dir(t3Dir, Number(values["t3-records"]), Number(values.captions));
    process.stderr.write(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const t3Bytes = readdirSync(t3Dir).reduce((a, f) => a + statSync(join(t3Dir, f)).size, 0);
  const inputs = `inputs: LLaVA ${(statSync(llava).size / 2 ** 30).toFixed(2)} GiB (${values["llava-records"]} records), T3 ${(t3Bytes / 2 ** 30).toFixed(2)} GiB (13 × ${values["t3-records"]} pairs)`;
  process.stderr.write(`${inputs}\n`);
  const outKit = join(dir, "out-kit");
  const outPy = join(dir, "out-python");
  // The machine may be shared: runs alternate (kit, Python, kit, Python, ...) and the best
  // of each is reported, with every run listed.
  const runs = Number(values.runs);
  const kitRuns: Timed[] = [];
  const pyRuns: Timed[] = [];
  for (let r = 0; r < runs; r++) {
    rmSync(outKit, { recursive: true, force: true });
    rmSync(outPy, { recursive: true, force: true });
    process.stderr.write(`run ${r + 1}/${runs}: t3kit mix reference …\n`);
    const kitRun = timed([
      process.execPath,
      join(projectRoot, "scripts", "t3kit.cjs"),
      "mix",
      "reference",
      "--llava",
      llava,
      "--t3-dir",
      t3Dir,
      "--out",
      outKit,
    ]);
    if (kitRun.exit !== 0) throw new Error(`t3kit failed:\n${kitRun.stderr}`);
    kitRuns.push(kitRun);
    process.stderr.write(`run ${r + 1}/${runs}: python3 test/oracle/reference_mix.py …\n`);
    const pyRun = timed([
      "python3",
      join(projectRoot, "test", "oracle", "reference_mix.py"),
      "--llava",
      llava,
      "--t3-dir",
      t3Dir,
      "--out",
      outPy,
    ]);
    if (pyRun.exit !== 0) throw new Error(`python failed:\n${pyRun.stderr}`);
    pyRuns.push(pyRun);
  }
  const best = (xs: Timed[]) => xs.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a));
  const kit = best(kitRuns);
  const py = best(pyRuns);
  const cmp = sameFiles(outKit, outPy);
  const pyVersion = spawnSync("python3", ["--version"], { encoding: "utf8" }).stdout.trim();
  const rows = [
    ["", "wall (s)", "peak RSS (MiB)"],
    [
      "t3kit (node " + process.versions.node + ")",
      kit.wallSeconds.toFixed(1),
      kit.peakMiB.toFixed(0),
    ],
    [pyVersion, py.wallSeconds.toFixed(1), py.peakMiB.toFixed(0)],
    [
      "python / t3kit",
      (py.wallSeconds / kit.wallSeconds).toFixed(1) + "x",
      (py.peakMiB / kit.peakMiB).toFixed(1) + "x",
    ],
  ];
  const out = [
    "bench:mix — the released recipe (12 files), t3kit vs CPython",
    inputs,
    `outputs: ${cmp.files} files, ${(cmp.bytes / 2 ** 30).toFixed(2)} GiB, byte-identical: ${cmp.same ? "yes" : "NO"}`,
    ...rows.map((r) => `${r[0].padEnd(28)} ${r[1].padStart(10)} ${r[2].padStart(16)}`),
    `runs (wall s): t3kit ${kitRuns.map((r) => r.wallSeconds.toFixed(1)).join(", ")}; python ${pyRuns.map((r) => r.wallSeconds.toFixed(1)).join(", ")} (best of each above); load average now ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    "targets: >= 10x faster (5x floor), <= 0.5x Python's peak memory",
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true });
  if (!cmp.same) process.exitCode = 1;
}

main();
