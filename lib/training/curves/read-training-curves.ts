/**
 * Loss, learning rate and grad norm against steps, from what the three codebases write:
 * - Hugging Face Trainer `trainer_state.json` (LongVA, and every checkpoint-N of all
 *   three): `log_history` entries `{step, loss, learning_rate, grad_norm?, epoch}`, eval
 *   entries `{step, eval_loss}`, a final summary `{train_loss, train_runtime, …}`;
 * - LLaMA-Factory `trainer_log.jsonl`: `{current_steps, total_steps, loss, lr, epoch, …}`
 *   (keys whose value is None are left out; eval lines carry eval_loss);
 * - ms-swift 2.x `logging.jsonl`: HF logs plus `"global_step/max_steps": "a/b"`.
 * Both are read as Python's json reads them (lib/json): a trainer's NaN or Infinity loss is
 * a bare token there, kept out of the curves; the same word inside a string stays text.
 * A bad line names the file, line and field.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError } from "../../errors/index";
import {
  type IndexedRecord,
  JsonEntries,
  PyFloat,
  isJsonObject,
  parsePythonJson,
  readJsonlRecords,
} from "../../json/index";
import { findLastCheckpoint } from "../launch/find-last-checkpoint";

export type CurveFormat = "trainer_state.json" | "trainer_log.jsonl" | "logging.jsonl";

export interface CurvePoint {
  step: number;
  loss?: number;
  learningRate?: number;
  gradNorm?: number;
  evalLoss?: number;
}

export interface TrainingCurves {
  file: string;
  format: CurveFormat;
  points: CurvePoint[];
  /** Total steps when the log says (LLaMA-Factory, ms-swift, max_steps). */
  totalSteps?: number;
}

type Where = { file: string; record: number; recordKind: "line" | "record" };

/** The curves of a run folder or a log file (see findCurveFile). */
export async function readTrainingCurves(path: string): Promise<TrainingCurves> {
  const file = findCurveFile(path);
  if (file.endsWith(".jsonl")) return readJsonlLog(file);
  return parseTrainerState(readFileSync(file, "utf8"), file);
}

/** `trainer_state.json`'s `log_history`, one point per entry that logs a value. */
export function parseTrainerState(text: string, file: string): TrainingCurves {
  let state: unknown;
  try {
    state = parsePythonJson(text);
  } catch (e) {
    throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
  }
  const history = valueAt(state, "log_history");
  if (!Array.isArray(history))
    throw new InputError({ file, field: "log_history" }, "expected a list");
  const points: CurvePoint[] = [];
  history.forEach((entry, i) => {
    const where: Where = { file, record: i, recordKind: "record" };
    if (!isJsonObject(entry))
      throw new InputError({ ...where, field: `log_history[${i}]` }, "expected an object");
    const step = numberField(entry, "step", where);
    if (step === undefined)
      throw new InputError({ ...where, field: `log_history[${i}].step` }, "missing");
    const p = point(entry, step, where, "learning_rate");
    if (p) points.push(p);
  });
  const max = numberValue(valueAt(state, "max_steps"));
  return { file, format: "trainer_state.json", points, totalSteps: max };
}

/** LLaMA-Factory's `trainer_log.jsonl` or ms-swift's `logging.jsonl` (told by content). */
export async function readJsonlLog(file: string): Promise<TrainingCurves> {
  const records = await logRecords(file);
  const format = jsonlFormat(records, basename(file));
  const points: CurvePoint[] = [];
  let totalSteps: number | undefined;
  for (const { line, record: o } of records) {
    const where: Where = { file, record: line ?? 0, recordKind: "line" };
    if (!isJsonObject(o)) throw new InputError(where, "expected an object");
    let step: number | undefined;
    if (format === "trainer_log.jsonl") {
      step = numberField(o, "current_steps", where);
      totalSteps = numberField(o, "total_steps", where) ?? totalSteps;
    } else {
      const gs = valueAt(o, "global_step/max_steps") ?? valueAt(o, "global_step");
      if (typeof gs === "string") {
        const m = /^(\d+)\/(\d+)$/.exec(gs);
        if (!m)
          throw new InputError(
            { ...where, field: "global_step/max_steps" },
            `expected "a/b", got ${JSON.stringify(gs)}`,
          );
        step = Number(m[1]);
        totalSteps = Number(m[2]);
      } else step = numberValue(gs);
    }
    if (step === undefined) continue; // e.g. a summary line without a step
    const p = point(o, step, where, format === "trainer_log.jsonl" ? "lr" : "learning_rate");
    if (p) points.push(p);
  }
  return { file, format, points, totalSteps };
}

/**
 * The log's lines as Python's json reads them. A trainer creates its log before the first
 * line, so an empty file has no points; a line JSON cannot read is "not valid JSON", as a
 * broken trainer_state.json is.
 */
async function logRecords(file: string): Promise<IndexedRecord[]> {
  if (statSync(file).size === 0) return [];
  const records: IndexedRecord[] = [];
  try {
    for await (const r of readJsonlRecords(file)) records.push(r);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.location, `not valid JSON: ${e.problem}`);
    throw e;
  }
  return records;
}

/** LLaMA-Factory's log counts `current_steps`; ms-swift's says `global_step/max_steps`; else by name. */
function jsonlFormat(
  records: IndexedRecord[],
  name: string,
): "trainer_log.jsonl" | "logging.jsonl" {
  const has = (key: string) => records.some((r) => valueAt(r.record, key) !== undefined);
  if (has("current_steps")) return "trainer_log.jsonl";
  if (has("global_step/max_steps") || has("global_step")) return "logging.jsonl";
  return name === "logging.jsonl" ? "logging.jsonl" : "trainer_log.jsonl";
}

function point(o: object, step: number, where: Where, lrKey: string): CurvePoint | undefined {
  const p: CurvePoint = { step };
  const loss = numberField(o, "loss", where);
  const lr = numberField(o, lrKey, where);
  const gn = numberField(o, "grad_norm", where);
  const ev = numberField(o, "eval_loss", where);
  if (loss !== undefined) p.loss = loss;
  if (lr !== undefined) p.learningRate = lr;
  if (gn !== undefined) p.gradNorm = gn;
  if (ev !== undefined) p.evalLoss = ev;
  return Object.keys(p).length > 1 ? p : undefined;
}

/** A logged number; absent, null, NaN and ±Infinity (a diverged step) give undefined. */
function numberField(o: object, key: string, where: Where): number | undefined {
  const v = valueAt(o, key);
  if (v === undefined || v === null) return undefined;
  const n = numberValue(v);
  if (n === undefined)
    throw new InputError({ ...where, field: key }, `expected a number, got ${JSON.stringify(v)}`);
  return Number.isFinite(n) ? n : undefined;
}

/** A JSON number as a JavaScript number (Python's float kept as PyFloat, big ints as bigint). */
function numberValue(v: unknown): number | undefined {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === "bigint") return Number(v);
  return typeof v === "number" ? v : undefined;
}

/** `o[key]`, for the objects Python-style JSON keeps in key order (JsonEntries) too. */
function valueAt(o: unknown, key: string): unknown {
  if (o instanceof JsonEntries) return o.get(key);
  return isJsonObject(o) ? o[key] : undefined;
}

const NAMES: CurveFormat[] = ["trainer_log.jsonl", "logging.jsonl", "trainer_state.json"];

/** The log file of a run: the file itself, or the first known log found under a folder. */
export function findCurveFile(path: string): string {
  if (!existsSync(path)) throw new InputError({ file: path }, "no such file or folder");
  if (!statSync(path).isDirectory()) return path;
  const found = (dir: string, depth: number): string | undefined => {
    for (const name of NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (depth === 0) return undefined;
    for (const sub of readdirSync(dir).sort()) {
      const p = join(dir, sub);
      if (!/^checkpoint-\d+$/.test(sub) && statSync(p).isDirectory()) {
        const f = found(p, depth - 1);
        if (f) return f;
      }
    }
    return undefined;
  };
  const direct = found(path, 3);
  if (direct) return direct;
  const last = findLastCheckpoint(path);
  if (last && existsSync(join(last.path, "trainer_state.json")))
    return join(last.path, "trainer_state.json");
  throw new InputError(
    { file: path },
    `no ${NAMES.join(", ")} under this folder (nor in a checkpoint-N)`,
  );
}
