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

// The run's date as its files are named (`<date>_results.json`, `<date>_samples_<task>.jsonl`,
// lmms_eval/loggers/evaluation_tracker.py); else the `date` field when it has that shape.
function runDate(file: string, field: unknown): string {
  const named = basename(file).match(/^(\d{8}_\d{6})_results\.json$/);
  if (named) return named[1];
  return typeof field === "string" && /^\d{8}_\d{6}$/.test(field) ? field : "";
}

/**
 * Reads a parsed lmms-eval `<date>_results.json`: one row per reported metric of every task
 * (stderr entries are uncertainty of a metric, not metrics). A known task without its metric
 * or a metric that is not a number is refused, naming the file and field.
 */
export function readLmmsEvalResults(raw: JsonObject, file: string, run: string): LmmsEvalResults {
  const results = raw.results as JsonObject;
  const config = isJsonObject(raw.config) ? raw.config : {};
  const versions = isJsonObject(raw.versions) ? raw.versions : {};
  const hash = text(raw.git_hash) || "unknown commit";
  const tasks = new Map<string, LmmsEvalTask>();
  const rows: EvaluationRow[] = [];
  const names = Object.keys(results);
  if (names.length === 0) throw new InputError({ file, field: "results" }, "no task results");
  for (const task of names) {
    const result = results[task];
    if (!isJsonObject(result)) {
      throw new InputError({ file, field: `results.${task}` }, "expected an object of metrics");
    }
    for (const m of KNOWN_TASKS[task]?.required ?? []) {
      if (!m.keys.some((k) => k in result)) {
        throw new InputError(
          { file, field: `results.${task}` },
          `missing metric ${m.keys.map((k) => `"${k}"`).join(" or ")} (${m.dimension})`,
        );
      }
    }
    const entry: LmmsEvalTask = {
      task,
      benchmark: taskBenchmark(task),
      n: sampleCount(raw, task, result),
      values: new Map(),
      version: `lmms-eval ${hash}; task ${task} version ${text(versions[task]) || "unknown"}`,
      settings: settingsOf(config),
    };
    for (const [key, value] of Object.entries(result)) {
      if (!key.includes(",") || key.split(",")[0].endsWith("_stderr")) continue;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InputError(
          { file, field: `results.${task}["${key}"]` },
          `expected a number, got ${typeof value === "number" ? String(value) : JSON.stringify(value)}`,
        );
      }
      const dimension = metricDimension(task, key);
      entry.values.set(dimension, value);
      rows.push({
        run,
        benchmark: entry.benchmark,
        dimension,
        metric: key,
        value,
        n: entry.n,
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
  return { file, date: runDate(file, raw.date), tasks, rows };
}
