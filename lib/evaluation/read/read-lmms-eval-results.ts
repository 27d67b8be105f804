import { basename } from "node:path";
import { InputError } from "../../errors/index";
import { type JsonObject, isJsonObject } from "../../json/index";
import type { EvaluationRow } from "../evaluation-row";
import { KNOWN_TASKS, metricDimension, taskBenchmark } from "./lmms-eval-tasks";

/** One task of an lmms-eval results file, as the samples check needs it. */
export interface LmmsEvalTask {
  task: string;
  benchmark: string;
  /** Questions evaluated (`n-samples.<task>.effective`, else `results.<task>.samples`). */
  n: number | null;
  /** Reported values by dimension. */
  values: Map<string, number>;
  version: string;
  settings: string;
}

export interface LmmsEvalResults {
  file: string;
  /** `task_hashes.<task>` (sha256 over its samples' doc, prompt and target hashes), when kept. */
  hashes: Map<string, string>;
  /** What the file lacks that a full run has (a --limit run's unasked dimensions …). */
  notes: string[];
  /** `date` of the run (also the prefix of its samples files' names). */
  date: string;
  tasks: Map<string, LmmsEvalTask>;
  rows: EvaluationRow[];
}

const text = (v: unknown): string =>
  v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v);

// What changes a score: the model and its arguments (frames: max_frames_num=…), decoding,
// and a --limit that evaluates only part of the benchmark.
function settingsOf(config: JsonObject): string {
  const parts: string[] = [];
  for (const k of ["model", "model_args", "gen_kwargs", "limit", "batch_size"]) {
    const v = config[k];
    if (v === undefined || v === null || v === "") continue;
    parts.push(`${k}=${text(v)}`);
  }
  return parts.join("; ");
}

function sampleCount(raw: JsonObject, task: string, result: JsonObject): number | null {
  const ns = isJsonObject(raw["n-samples"]) ? raw["n-samples"][task] : undefined;
  if (isJsonObject(ns) && typeof ns.effective === "number") return ns.effective;
  return typeof result.samples === "number" ? result.samples : null;
}

// A `--limit` run evaluates the first N questions only (lmms_eval/evaluator.py n-samples:
// effective = min(limit, original)), so a dimension none of them asks has no metric.
function limitedRun(raw: JsonObject, task: string): { effective: number; original: number } | null {
  const ns = isJsonObject(raw["n-samples"]) ? raw["n-samples"][task] : undefined;
  if (!isJsonObject(ns) || typeof ns.effective !== "number" || typeof ns.original !== "number")
    return null;
  return ns.effective < ns.original ? { effective: ns.effective, original: ns.original } : null;
}

// Groups (`--tasks tempcompass`, mvbench) are listed in `group_subtasks` with their subtasks;
// a group without an aggregate metric is logged as `{"alias": …, " ": " "}`
// (lmms_eval/evaluator_utils.py consolidate_group_results).
function groupsOf(raw: JsonObject): Map<string, string> {
  const byTask = new Map<string, string>();
  const groups = isJsonObject(raw.group_subtasks) ? raw.group_subtasks : {};
  for (const [group, subtasks] of Object.entries(groups)) {
    if (!Array.isArray(subtasks)) continue;
    for (const t of subtasks) if (typeof t === "string") byTask.set(t, group);
  }
  return byTask;
}

const isGroupEntry = (raw: JsonObject, task: string, result: JsonObject): boolean => {
  const subtasks = isJsonObject(raw.group_subtasks) ? raw.group_subtasks[task] : undefined;
  return (Array.isArray(subtasks) && subtasks.length > 0) || " " in result;
};

// Not metrics but about one: its uncertainty (`<metric>_stderr`, and from lmms-eval's 2025
// main `_stderr_clt` and `_stderr_clustered`, evaluator_utils.py calculate_clt_aggregate_metric)
// and, with --repeats, its stability across repeats (calculate_stability_metrics).
const ABOUT_A_METRIC =
  /_(?:stderr(?:_clt|_clustered)?|expected_accuracy|consensus_accuracy|internal_variance|consistency_rate)$/;

const isMetricKey = (key: string): boolean =>
  key.includes(",") && !ABOUT_A_METRIC.test(key.split(",")[0]);

const isPercent = (v: number): boolean => v >= 0 && v <= 100;

function taskHashes(raw: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  if (!isJsonObject(raw.task_hashes)) return out;
  for (const [t, h] of Object.entries(raw.task_hashes)) if (typeof h === "string") out.set(t, h);
  return out;
}

// The run's date as its files are named (`<date>_results.json`, `<date>_samples_<task>.jsonl`,
// lmms_eval/loggers/evaluation_tracker.py); else the `date` field when it has that shape.
function runDate(file: string, field: unknown): string {
  const named = basename(file).match(/^(\d{8}_\d{6})_results\.json$/);
  if (named) return named[1];
  return typeof field === "string" && /^\d{8}_\d{6}$/.test(field) ? field : "";
}

/**
 * Reads a parsed lmms-eval `<date>_results.json`: one row per reported metric of every task
 * (stderr entries are uncertainty of a metric, not metrics). Group entries without metrics are
 * skipped, their subtasks read. A known task without its metric is refused, unless a --limit
 * run asked none of its questions (then a note says so); a metric that is not a number, or a
 * known task's score outside 0-100, is refused, naming the file and field.
 */
export function readLmmsEvalResults(raw: JsonObject, file: string, run: string): LmmsEvalResults {
  const results = raw.results as JsonObject;
  const config = isJsonObject(raw.config) ? raw.config : {};
  const versions = isJsonObject(raw.versions) ? raw.versions : {};
  const hash = text(raw.git_hash) || "unknown commit";
  const groupOf = groupsOf(raw);
  const tasks = new Map<string, LmmsEvalTask>();
  const rows: EvaluationRow[] = [];
  const notes: string[] = [];
  const names = Object.keys(results);
  if (names.length === 0) throw new InputError({ file, field: "results" }, "no task results");
  for (const task of names) {
    const result = results[task];
    if (!isJsonObject(result)) {
      throw new InputError({ file, field: `results.${task}` }, "expected an object of metrics");
    }
    const hasMetrics = Object.keys(result).some(isMetricKey);
    if (!hasMetrics && isGroupEntry(raw, task, result)) continue;
    const limited = limitedRun(raw, task);
    for (const m of KNOWN_TASKS[task]?.required ?? []) {
      if (m.keys.some((k) => k in result)) continue;
      const missing = `missing metric ${m.keys.map((k) => `"${k}"`).join(" or ")} (${m.dimension})`;
      if (limited === null || !hasMetrics) {
        throw new InputError({ file, field: `results.${task}` }, missing);
      }
      notes.push(
        `${file}: results.${task} has no ${m.dimension}: the --limit run asked ${limited.effective} of ${limited.original} questions, none of that dimension`,
      );
    }
    const group = groupOf.get(task);
    const entry: LmmsEvalTask = {
      task,
      benchmark: taskBenchmark(task),
      n: sampleCount(raw, task, result),
      values: new Map(),
      version: `lmms-eval ${hash}; task ${task} version ${text(versions[task]) || "unknown"}${group ? `; group ${group}` : ""}`,
      settings: settingsOf(config),
    };
    for (const [key, value] of Object.entries(result)) {
      if (!isMetricKey(key)) continue;
      const field = `results.${task}["${key}"]`;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InputError(
          { file, field },
          `expected a number, got ${typeof value === "number" ? String(value) : JSON.stringify(value)}`,
        );
      }
      if (!isPercent(value)) {
        if (KNOWN_TASKS[task] !== undefined) {
          throw new InputError({ file, field }, `expected a percent score (0-100), got ${value}`);
        }
        notes.push(`${file}: ${field} = ${value} is not a percent score (0-100); not read`);
        continue;
      }
      const dimension = metricDimension(task, key);
      entry.values.set(dimension, value);
      rows.push({
        run,
        benchmark: entry.benchmark,
        dimension,
        metric: key,
        value,
        // A results file counts the task's questions, not each dimension's (the samples do).
        n: isOverall(entry.benchmark, dimension) ? entry.n : null,
        evaluator: "lmms-eval",
        version: entry.version,
        settings: entry.settings,
        source: file,
      });
    }
    if (entry.values.size === 0) {
      throw new InputError(
        { file, field: `results.${task}` },
        "no metric values (keys `<metric>,<filter>`)",
      );
    }
    tasks.set(task, entry);
  }
  if (tasks.size === 0) {
    throw new InputError({ file, field: "results" }, "only groups, no task with metric values");
  }
  return { file, date: runDate(file, raw.date), hashes: taskHashes(raw), notes, tasks, rows };
}

// The dimension that covers every question of a task (its `n` is the task's count).
const isOverall = (benchmark: string, dimension: string): boolean =>
  !benchmark.startsWith("tempcompass") || dimension === "avg";
