import { InputError } from "../../errors/index";
import type { JsonObject } from "../../json/index";
import type { EvaluationRow, IngestedRun, SampleOutcome } from "../evaluation-row";
import { detectResultFormat } from "./detect-result-format";
import { matchSamplesToResults } from "./match-samples-to-results";
import { parsePlainJson } from "./plain-json";
import { readInputFile } from "./read-input-file";
import { type LmmsEvalResults, readLmmsEvalResults } from "./read-lmms-eval-results";
import { type LmmsEvalSamples, readLmmsEvalSamples } from "./read-lmms-eval-samples";
import { readScoreCsv } from "./read-score-csv";
import { readTempCompassOutput } from "./read-tempcompass-output";
import { breakdownRows, sampleBreakdown } from "./sample-accuracy";

const RECOMPUTED = "recomputed from per-sample results";

/** A run's files as read, before samples are matched to results. */
interface ReadFiles {
  rows: EvaluationRow[];
  results: LmmsEvalResults[];
  samples: LmmsEvalSamples[];
  outcomes: Map<string, { file: string; outcomes: SampleOutcome[] }>;
  notes: string[];
}

function addOutcomes(into: ReadFiles, benchmark: string, file: string, outcomes: SampleOutcome[]) {
  const before = into.outcomes.get(benchmark);
  if (before) {
    throw new InputError(
      { file },
      `a second per-question file for ${benchmark} in this run (first: ${before.file})`,
    );
  }
  into.outcomes.set(benchmark, { file, outcomes });
}

async function readOne(given: string, run: string, into: ReadFiles): Promise<void> {
  const { path: file, text } = await readInputFile(given);
  const format = detectResultFormat(text, file);
  if (format === "lmms-eval-results") {
    const r = readLmmsEvalResults(parsePlainJson(text, file) as JsonObject, file, run);
    into.results.push(r);
    into.rows.push(...r.rows);
    into.notes.push(...r.notes);
  } else if (format === "lmms-eval-samples") {
    into.samples.push(await readLmmsEvalSamples(file));
  } else if (format === "tempcompass-output") {
    const t = readTempCompassOutput(parsePlainJson(text, file) as JsonObject, file, run);
    into.rows.push(...t.rows);
    addOutcomes(into, t.benchmark, file, t.outcomes);
  } else {
    into.rows.push(...readScoreCsv(text, file, run));
  }
}

// Breakdowns the results file only logs, recomputed from the samples; the numbers the
// results file holds are not repeated (they were checked equal), except TempCompass's
// per-dimension ones, which lmms-eval may get wrong (TempCompass README).
function sampleRows(
  run: string,
  s: LmmsEvalSamples,
  m: ReturnType<typeof matchSamplesToResults>,
): EvaluationRow[] {
  const { task } = m;
  const recomputed = sampleBreakdown(task.benchmark, s.outcomes).filter(
    (b) =>
      !task.values.has(b.dimension) ||
      (task.benchmark.startsWith("tempcompass") && b.dimension !== "avg"),
  );
  return breakdownRows(recomputed, {
    run,
    benchmark: task.benchmark,
    evaluator: "lmms-eval",
    version: `${task.version}; ${RECOMPUTED}`,
    settings: task.settings,
    source: s.file,
  });
}

// A results file counts a TempCompass task's questions, not each dimension's: the samples do.
function withDimensionCounts(
  rows: EvaluationRow[],
  s: LmmsEvalSamples,
  m: ReturnType<typeof matchSamplesToResults>,
): EvaluationRow[] {
  const counts = new Map(
    sampleBreakdown(m.task.benchmark, s.outcomes).map((b) => [b.dimension, b.n]),
  );
  return rows.map((r) =>
    r.source === m.results.file && r.benchmark === m.task.benchmark && r.n === null
      ? { ...r, n: counts.get(r.dimension) ?? null }
      : r,
  );
}

// One run gives one value per benchmark dimension: two files (or two metrics) that disagree
// are refused here, naming both, rather than when the run is compared. Numbers recomputed
// from samples are checked among themselves: lmms-eval's TempCompass dimensions may differ
// from them on purpose (TempCompass README).
function checkOneValuePerDimension(rows: readonly EvaluationRow[]): void {
  const groups = new Map<string, EvaluationRow[]>();
  for (const r of rows) {
    const recomputed = r.version.endsWith(RECOMPUTED);
    const id = `${r.benchmark}\u0000${r.dimension}\u0000${recomputed}`;
    const list = groups.get(id);
    if (list) list.push(r);
    else groups.set(id, [r]);
  }
  for (const list of groups.values()) {
    const first = list[0];
    const other = list.find((r) => r.value !== first.value);
    if (other === undefined) continue;
    throw new InputError(
      {
        file: `${first.source} and ${other.source}`,
        field: `${first.benchmark}.${first.dimension}`,
      },
      `run ${first.run} has 2 different values: ${first.value} (${first.source}), ${other.value} (${other.source})`,
    );
  }
}

/**
 * Reads one run's evaluation files, recognising each format from its content: lmms-eval
 * results and samples, TempCompass's output, plain CSV. Samples files are checked against
 * their results file. Returns the tidy rows and the per-question outcomes by benchmark.
 * A `hub:` path is fetched into the Hub cache and read from there.
 *
 * @example const run = await ingestResults(["out/20241002_120000_results.json"], "t3-longva")
 */
export async function ingestResults(files: string[], run: string): Promise<IngestedRun> {
  if (run.trim() === "") throw new InputError({ file: "--run" }, "the run needs a name");
  if (files.length === 0) throw new InputError({ file: run }, "no result files given");
  const into: ReadFiles = {
    rows: [],
    results: [],
    samples: [],
    outcomes: new Map(),
    notes: [],
  };
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw new InputError({ file: twice }, `given twice for run ${run}`);
  for (const file of files) await readOne(file, run, into);
  for (const s of into.samples) {
    const m = matchSamplesToResults(s, into.results);
    const outcomes = s.outcomes.map((o) => ({ ...o, benchmark: m.task.benchmark }));
    addOutcomes(into, m.task.benchmark, s.file, outcomes);
    into.rows = withDimensionCounts(into.rows, s, m);
    into.rows.push(...sampleRows(run, { ...s, outcomes }, m));
  }
  checkOneValuePerDimension(into.rows);
  const samples = new Map([...into.outcomes].map(([b, v]) => [b, v.outcomes]));
  return { run, rows: into.rows, samples, notes: into.notes };
}

/** One run to read: its name and its result files (local or `hub:` paths). */
export interface RunFiles {
  name: string;
  files: string[];
}

/** Several runs read in order, each as `ingestResults` reads one. */
export async function ingestRuns(runs: readonly RunFiles[]): Promise<IngestedRun[]> {
  const out: IngestedRun[] = [];
  for (const r of runs) out.push(await ingestResults(r.files, r.name));
  return out;
}
