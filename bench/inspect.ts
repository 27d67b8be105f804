/**
 * `npm run bench:inspect`: `t3kit mix inspect` on a mix1M-shaped mix (the LLaVA file and
 * 13 T3 files `bench:mix` makes: 1M LLaVA records with long answers, about 1.5 GB, and
 * 13 × 15k T3 pairs) with composition, exact and near duplicates and contamination
 * against 10,000 questions, beside bench/inspect_baseline.py (plain CPython: exact dedup
 * and 6-gram overlap on the same files). Prints wall time, CPU time and peak RSS of each
 * (/usr/bin/time -v), the load average, and the targets (under 2 minutes on 2
 * cores, under 3 GB) with PASS/FAIL, and a `BENCH_JSON {...}` line.
 *
 * The mix is hostile on purpose: text "escapes" by default (CJK, emoji beyond the BMP,
 * accents, `\uXXXX` escapes), LLaVA answers drawn from the same phrase generator as the
 * questions (so a third of a record's 6-grams are also some question's), and a third
 * file of planted cases (planted.json): exact copies of LLaVA records (half with case and
 * spacing changed), copies with one word changed, questions copied verbatim and with
 * another opening sentence. The bench counts how many of each `mix inspect` finds and
 * what else it flags.
 *
 * Options: --dir DIR (inputs kept and reused; default a temp folder, removed after),
 * --text ascii|escapes, --llava-records N --t3-records N (dev runs), --no-baseline.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readRecords } from "../lib/json/index";
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
      text: { type: "string", default: "escapes" },
    },
  });
  const root = values.dir
    ? resolve(values.dir)
    : mkdtempSync(join(tmpdir(), "t3kit-bench-inspect-"));
  const overrides = {
    ...(values["llava-records"] ? { llavaRecords: Number(values["llava-records"]) } : {}),
    ...(values["t3-records"] ? { t3Records: Number(values["t3-records"]) } : {}),
  };
  const text = values.text === "ascii" ? "ascii" : "escapes";
  const [c] = benchCases(root, ["1m"], [text], overrides);
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
  const planted = join(c.dir, "planted.json");
  const plan = await writePlantedCases(c.llava, lines, planted);
  const kit = timed([
    process.execPath,
    join(projectRoot, "scripts/t3kit.cjs"),
    "mix",
    "inspect",
    c.llava,
    c.t3Dir,
    planted,
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
        planted,
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
    ...(kitOut ? [plantedFound(kitOut, plan)] : []),
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

interface PlantedPlan {
  /** Planted id → the id of the record it copies (exact, near) or the question's qid. */
  exact: Map<string, string>;
  near: Map<string, string>;
  verbatim: Map<string, string>;
  reworded: Map<string, string>;
}

const OPENINGS = [
  "Here are captions of frames sampled from a clip, in the order they were shot.",
  "Read the frame descriptions below carefully before you answer the question.",
];

/**
 * planted.json: 300 exact copies (150 with case and spacing changed) and 300 one-word
 * changes of the first LLaVA records, 200 questions copied verbatim and 100 with another
 * opening sentence, as text-only records.
 */
async function writePlantedCases(
  llava: string,
  questionLines: string[],
  out: string,
): Promise<PlantedPlan> {
  const originals: { id: string; conversations: { from: string; value: string }[] }[] = [];
  for await (const { record } of readRecords(llava)) {
    originals.push(record as (typeof originals)[number]);
    if (originals.length === 600) break;
  }
  const plan: PlantedPlan = {
    exact: new Map(),
    near: new Map(),
    verbatim: new Map(),
    reworded: new Map(),
  };
  const records: unknown[] = [];
  originals.forEach((o, i) => {
    const id = i < 300 ? `planted-exact-${i}` : `planted-near-${i}`;
    const conversations = o.conversations.map((t, k) => {
      if (i < 300) {
        // Case changed in answers only: an upper-cased <image> tag is no tag.
        const loud = t.from === "gpt" ? t.value.replace(/[a-z]/g, (c) => c.toUpperCase()) : t.value;
        const v = i % 2 === 0 ? t.value : `  ${loud.replace(/ /g, "  ")} `;
        return { ...t, value: v };
      }
      if (k !== o.conversations.length - 1) return t;
      const words = t.value.split(" ");
      words[Math.floor(words.length / 2)] = "zebra";
      return { ...t, value: words.join(" ") };
    });
    records.push({ ...o, id, conversations });
    (i < 300 ? plan.exact : plan.near).set(id, o.id);
  });
  questionLines.slice(0, 300).forEach((line, i) => {
    const q = JSON.parse(line) as { question: string; answer: string; qid: string };
    const reworded = i >= 200;
    const question = reworded
      ? q.question.replace(/^[^\n]*\n/, `${OPENINGS[i % 2]}\n`)
      : q.question;
    const id = reworded ? `planted-reworded-${i}` : `planted-verbatim-${i}`;
    records.push({
      id,
      conversations: [
        { from: "human", value: question },
        { from: "gpt", value: q.answer },
      ],
    });
    (reworded ? plan.reworded : plan.verbatim).set(id, q.qid);
  });
  writeFileSync(out, JSON.stringify(records, null, 1));
  return plan;
}

/** How many planted cases `mix inspect` found, and what else it reported. */
function plantedFound(
  out: {
    duplicates: { kind: string; ids: string[] }[];
    contamination: { id: string; item: string; kind: string }[];
  },
  plan: PlantedPlan,
): string {
  const local = (id: string) => id.slice(id.lastIndexOf(":") + 1);
  const groupsOf = (kind: string) =>
    out.duplicates.filter((d) => d.kind === kind).map((d) => d.ids.map(local));
  const foundPairs = (kind: string, planted: Map<string, string>) => {
    const groups = groupsOf(kind);
    return [...planted].filter(([id, of]) => groups.some((g) => g.includes(id) && g.includes(of)))
      .length;
  };
  const flags = out.contamination.map((f) => ({ ...f, id: local(f.id) }));
  const flagged = (planted: Map<string, string>, kind: string) =>
    [...planted].filter(([id, qid]) =>
      flags.some((f) => f.id === id && f.item === qid && f.kind === kind),
    ).length;
  const otherFlags = flags.filter(
    (f) => !plan.verbatim.has(f.id) && !plan.reworded.has(f.id),
  ).length;
  const plantedIds = new Set([
    ...plan.exact.keys(),
    ...plan.near.keys(),
    ...plan.verbatim.keys(),
    ...plan.reworded.keys(),
  ]);
  const otherGroups = out.duplicates.filter(
    (d) => !d.ids.map(local).some((id) => plantedIds.has(id)),
  ).length;
  return [
    `planted found: exact ${foundPairs("exact", plan.exact)}/${plan.exact.size}`,
    `near ${foundPairs("near", plan.near)}/${plan.near.size}`,
    `leaks verbatim ${flagged(plan.verbatim, "verbatim")}/${plan.verbatim.size}`,
    `leaks with another opening ${flagged(plan.reworded, "overlap")}/${plan.reworded.size}`,
    `other flags ${otherFlags}, other duplicate groups ${otherGroups}`,
  ].join(", ");
}

main();
