/**
 * `npm run bench:inspect`: `t3kit mix inspect` on a mix1M-shaped mix (the LLaVA file and
 * 13 T3 files `bench:mix` makes: 1M LLaVA records with long answers, about 1.5 GB, and
 * 13 × 15k T3 pairs) with composition, exact and near duplicates and contamination
 * against 10,000 questions, beside bench/inspect_baseline.py (plain CPython: exact dedup
 * and 6-gram overlap on the same files). Prints wall time, CPU time and peak RSS of each
 * (/usr/bin/time -v), the load average, and the targets (under 2 minutes on 2
 * cores, under 3 GB) with PASS/FAIL, and a `BENCH_JSON {...}` line.
 *
 * Options: --dir DIR (inputs kept and reused; default a temp folder, removed after),
 * --llava-records N --t3-records N (dev runs), --no-baseline.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/paths/index";
import { Lcg, syntheticT3Pair } from "../test/fixtures/synthetic-mix-data";
import { benchCases, ensureInputs } from "./mix-bench-cases";
import { timed } from "./mix-bench-measure";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: "string" },
      "llava-records": { type: "string" },
      "t3-records": { type: "string" },
      "no-baseline": { type: "boolean" },
    },
  });
  const root = values.dir
    ? resolve(values.dir)
    : mkdtempSync(join(tmpdir(), "t3kit-bench-inspect-"));
  const overrides = {
    ...(values["llava-records"] ? { llavaRecords: Number(values["llava-records"]) } : {}),
    ...(values["t3-records"] ? { t3Records: Number(values["t3-records"]) } : {}),
  };
  const [c] = benchCases(root, ["1m"], ["ascii"], overrides);
  const say = (s: string) => process.stderr.write(`${s}\n`);
  await ensureInputs(c, say);
  // 10,000 questions: T3-like items made the same way (their template shared with the mix).
  const questions = join(c.dir, "questions.jsonl");
  const r = new Lcg(99);
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const [human, gpt] = syntheticT3Pair(r, "temp_qa_order_train_long.json", 4) as [
      { value: string },
      { value: string },
    ];
    lines.push(JSON.stringify({ question: human.value, answer: gpt.value, qid: `q-${i}` }));
  }
  writeFileSync(questions, `${lines.join("\n")}\n`);
  const kit = timed([
    process.execPath,
    join(projectRoot, "scripts/t3kit.cjs"),
    "mix",
    "inspect",
    c.llava,
    c.t3Dir,
    "--against",
    questions,
    "--json",
  ]);
  const kitOut = kit.exit === 0 ? JSON.parse(kit.stdout) : undefined;
  const base = values["no-baseline"]
    ? undefined
    : timed([
        "python3",
        join(projectRoot, "bench/inspect_baseline.py"),
        questions,
        c.llava,
        c.t3Dir,
      ]);
  const row = (name: string, t: typeof kit) =>
    `${name.padEnd(22)} wall ${t.wallSeconds.toFixed(1).padStart(7)} s  cpu ${t.cpuSeconds.toFixed(1).padStart(7)} s  peak ${t.peakMiB.toFixed(0).padStart(6)} MiB  exit ${t.exit}`;
  const out = [
    `inputs: ${c.sizes.llavaRecords} LLaVA records + 13 × ${c.sizes.t3Records} T3 pairs; 10,000 questions`,
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
    row("t3kit mix inspect", kit),
    ...(base ? [row("CPython baseline", base)] : []),
    kitOut
      ? `t3kit: ${kitOut.records} records, ${kitOut.composition.length} parts, ${kitOut.duplicates.length} duplicate groups, ${kitOut.contamination.length} flags`
      : `t3kit failed: ${kit.stderr.split("\n").slice(-5).join(" ")}`,
    ...(base ? [`CPython: ${base.stdout.trim()}`] : []),
    `target wall < 120 s: ${kit.wallSeconds < 120 ? "PASS" : "FAIL"}; peak < 3 GB: ${kit.peakMiB < 3072 ? "PASS" : "FAIL"}`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  process.stdout.write(
    `BENCH_JSON ${JSON.stringify({ kit: { wall: kit.wallSeconds, cpu: kit.cpuSeconds, peakMiB: kit.peakMiB }, baseline: base && { wall: base.wallSeconds, cpu: base.cpuSeconds, peakMiB: base.peakMiB }, load: loadavg() })}\n`,
  );
  if (!values.dir) rmSync(root, { recursive: true, force: true });
  if (kit.exit !== 0) process.exitCode = 1;
}

main();
