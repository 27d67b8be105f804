import { createHash } from "node:crypto";
import { basename } from "node:path";
import { InputError } from "../../errors/index";
import { type JsonObject, isJsonObject, readJsonlRecords } from "../../json/index";
import type { SampleOutcome } from "../evaluation-row";
import { dimensionKey } from "./name-keys";
import { plainJson } from "./plain-json";

/** The benchmarks whose per-sample records the kit can score. */
export type SampleFamily = "videomme" | "mlvu" | "tempcompass";

export interface LmmsEvalSamples {
  file: string;
  family: SampleFamily;
  /** From the file name `<date>_samples_<task>.jsonl`; null when the name is not lmms-eval's. */
  task: string | null;
  date: string | null;
  outcomes: SampleOutcome[];
  /**
   * The file's hash by each of lmms-eval's `task_hashes` formulas that its lines allow
   * (loggers/evaluation_tracker.py save_results_aggregated): sha256 over every line's
   * doc_hash + prompt_hash + target_hash (v0.2.4-v0.3.x; lines without those three give
   * none), and sha256 over "sample_<i>" + doc_hash of line i, counted from 0 (main from
   * 2025, whose lines keep only doc_hash).
   */
  hashes: string[];
}

/**
 * MLVU's task types as the paper's columns: the codes of lmms_eval/tasks/mlvu/utils.py
 * TASK_TYPES up to v0.3.1 (task `mlvu`), and the names of `mlvu_dev` from v0.3.2
 * (mlvu_aggregate_results_dev), which name the same seven multiple-choice types.
 */
export const MLVU_TASK_TYPES: Record<string, string> = {
  topic_reasoning: "tr",
  anomaly_reco: "ar",
  needle: "needle_qa",
  ego: "er",
  plotQA: "plot_qa",
  order: "ao",
  count: "ac",
  TR: "tr",
  AR: "ar",
  NQA: "needle_qa",
  ER: "er",
  PQA: "plot_qa",
  AO: "ao",
  AC: "ac",
  VS: "vs",
  SSC: "ssc",
};

const VIDEOMME_KEY = /^videomme_perce(?:p)?tion_score(?:,.*)?$/;
const MLVU_KEY = /^mlvu_perce(?:p)?tion_score(?:,.*)?$/;
const TEMPCOMPASS_KEY = /^avg_accuracy(?:,.*)?$/;

interface Where {
  file: string;
  line: number;
}

function fail(at: Where, field: string, problem: string): never {
  throw new InputError({ file: at.file, record: at.line, recordKind: "line", field }, problem);
}

function field(obj: JsonObject, name: string, path: string, at: Where): string {
  const v = obj[name];
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return fail(at, `${path}.${name}`, `expected a string, got ${JSON.stringify(v)}`);
}

// The parsed letter against the answer; a response with no parsable letter (pred_answer
// "" or null) counts as wrong, as lmms-eval counts it. A record without them is refused.
function isCorrect(s: JsonObject, key: string, at: Where): boolean {
  const answer = field(s, "answer", key, at);
  const pred = s.pred_answer;
  if (!("pred_answer" in s) || (pred !== null && typeof pred !== "string")) {
    fail(at, `${key}.pred_answer`, `expected a string or null, got ${JSON.stringify(pred)}`);
  }
  return pred === answer;
}

function scoreEntry(rec: JsonObject, pattern: RegExp): [string, JsonObject] | null {
  for (const [k, v] of Object.entries(rec)) if (pattern.test(k) && isJsonObject(v)) return [k, v];
  return null;
}

function familyOf(rec: JsonObject, at: Where): SampleFamily {
  if (scoreEntry(rec, VIDEOMME_KEY)) return "videomme";
  if (scoreEntry(rec, MLVU_KEY)) return "mlvu";
  if (scoreEntry(rec, TEMPCOMPASS_KEY)) return "tempcompass";
  return fail(
    at,
    "",
    "no per-sample score the kit knows (videomme_perception_score, mlvu_percetion_score, avg_accuracy)",
  );
}

// Video-MME (lmms_eval/tasks/videomme/utils.py): the score dict holds the parsed letter and
// the answer, the duration and the task type.
function videommeOutcome(rec: JsonObject, at: Where): SampleOutcome {
  const [key, s] =
    scoreEntry(rec, VIDEOMME_KEY) ?? fail(at, "videomme_perception_score", "missing");
  return {
    benchmark: "videomme",
    key: field(s, "question_id", key, at),
    correct: isCorrect(s, key, at),
    groups: [
      dimensionKey(field(s, "duration", key, at)),
      dimensionKey(field(s, "task_category", key, at)),
    ],
  };
}

function mlvuOutcome(rec: JsonObject, at: Where): SampleOutcome {
  const [key, s] = scoreEntry(rec, MLVU_KEY) ?? fail(at, "mlvu_percetion_score", "missing");
  const type = field(s, "task_type", key, at);
  // lmms-eval's MLVU question_id is the question's text, which repeats (one anomaly question
  // for many videos): the doc_id is what tells questions apart.
  return {
    benchmark: "mlvu",
    key: `doc ${field(rec, "doc_id", "doc", at)}`,
    correct: isCorrect(s, key, at),
    groups: [MLVU_TASK_TYPES[type] ?? dimensionKey(type)],
  };
}

// TempCompass (its utils/acc_lmms_eval.py reads doc.dim and avg_accuracy.rating).
function tempcompassOutcome(rec: JsonObject, at: Where): SampleOutcome {
  const [key, s] = scoreEntry(rec, TEMPCOMPASS_KEY) ?? fail(at, "avg_accuracy", "missing");
  const doc = isJsonObject(rec.doc) ? rec.doc : {};
  const dim = typeof doc.dim === "string" ? doc.dim : typeof s.dim === "string" ? s.dim : null;
  if (dim === null) fail(at, "doc.dim", "missing: the TempCompass dimension of the question");
  if (s.rating !== 0 && s.rating !== 1)
    fail(at, `${key}.rating`, `expected 0 or 1, got ${JSON.stringify(s.rating)}`);
  return {
    benchmark: "tempcompass",
    key: `doc ${field(rec, "doc_id", "doc", at)}`,
    correct: s.rating === 1,
    groups: [dimensionKey(dim)],
  };
}

const OUTCOME = { videomme: videommeOutcome, mlvu: mlvuOutcome, tempcompass: tempcompassOutcome };

/**
 * Reads an lmms-eval `--log_samples` file (`<date>_samples_<task>.jsonl`): one outcome per
 * question, with the groups the results file only logs (Video-MME durations and task
 * types, MLVU task types, TempCompass dimensions). Lines of mixed benchmarks, repeated
 * questions and missing fields are refused, naming the file, line and field.
 */
export async function readLmmsEvalSamples(file: string): Promise<LmmsEvalSamples> {
  const name = basename(file).match(/^(?:(\d{8}_\d{6})_)?samples_(.+)\.jsonl$/);
  const outcomes: SampleOutcome[] = [];
  const seen = new Set<string>();
  const hash = createHash("sha256");
  const indexed = createHash("sha256");
  let hashed = true;
  let indexedHashed = true;
  let family: SampleFamily | null = null;
  for await (const { index, line, record } of readJsonlRecords(file)) {
    const at = { file, line: line ?? index + 1 };
    const rec = plainJson(record);
    if (!isJsonObject(rec)) return fail(at, "", "expected a JSON object per line");
    const f = familyOf(rec, at);
    if (family !== null && f !== family)
      fail(at, "", `a ${f} sample in a file of ${family} samples`);
    family = f;
    const o = OUTCOME[f](rec, at);
    if (seen.has(o.key)) {
      fail(at, f === "videomme" ? "question_id" : "doc_id", `question ${o.key} appears twice`);
    }
    seen.add(o.key);
    const parts = [rec.doc_hash, rec.prompt_hash, rec.target_hash];
    if (parts.every((p) => typeof p === "string")) hash.update(parts.join(""), "utf8");
    else hashed = false;
    if (typeof rec.doc_hash === "string")
      indexed.update(`sample_${outcomes.length}${rec.doc_hash}`, "utf8");
    else indexedHashed = false;
    outcomes.push(o);
  }
  if (family === null) throw new InputError({ file }, "no samples");
  return {
    file,
    family,
    task: name?.[2] ?? null,
    date: name?.[1] ?? null,
    outcomes,
    hashes: [
      ...(hashed ? [hash.digest("hex")] : []),
      ...(indexedHashed ? [indexed.digest("hex")] : []),
    ],
  };
}
