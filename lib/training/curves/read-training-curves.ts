/**
 * Loss, learning rate and grad norm against steps, from what the three codebases write:
 * - Hugging Face Trainer `trainer_state.json` (LongVA, and every checkpoint-N of all
 *   three): `log_history` entries `{step, loss, learning_rate, grad_norm?, epoch}`, eval
 *   entries `{step, eval_loss}`, a final summary `{train_loss, train_runtime, …}`;
 * - LLaMA-Factory `trainer_log.jsonl`: `{current_steps, total_steps, loss, lr, epoch, …}`
 *   (keys whose value is None are left out; eval lines carry eval_loss);
 * - ms-swift 2.x `logging.jsonl`: HF logs plus `"global_step/max_steps": "a/b"`.
 * A bad line names the file, line and field.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError } from "../../errors/index";
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

type Obj = Record<string, unknown>;

function numberField(
  o: Obj,
  key: string,
  where: { file: string; record: number; recordKind: "line" | "record" },
): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    // Trainers write NaN / Infinity losses as bare tokens Python's json accepts; keep them out of plots.
    if (v === "NaN" || v === "Infinity") return undefined;
    throw new InputError({ ...where, field: key }, `expected a number, got ${JSON.stringify(v)}`);
  }
  return v;
}

function point(
  o: Obj,
  step: number,
  where: { file: string; record: number; recordKind: "line" | "record" },
  lrKey: string,
): CurvePoint | undefined {
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

/** Python's json accepts NaN / Infinity; JSON.parse does not: quote them first. */
function parsePythonJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through: only a text JSON.parse refuses gets its bare NaN / Infinity quoted
  }
  return JSON.parse(text.replace(/(?<=[:\[,]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g, '"$1"'));
}

export function parseTrainerState(text: string, file: string): TrainingCurves {
  let state: Obj;
  try {
    state = parsePythonJsonText(text) as Obj;
  } catch (e) {
    throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
  }
  const history = state?.log_history;
  if (!Array.isArray(history))
    throw new InputError({ file, field: "log_history" }, "expected a list");
  const points: CurvePoint[] = [];
  history.forEach((entry, i) => {
    const where = { file, record: i, recordKind: "record" as const };
    if (typeof entry !== "object" || entry === null)
      throw new InputError({ ...where, field: `log_history[${i}]` }, "expected an object");
    const step = numberField(entry as Obj, "step", where);
    if (step === undefined)
      throw new InputError({ ...where, field: `log_history[${i}].step` }, "missing");
    const p = point(entry as Obj, step, where, "learning_rate");
    if (p) points.push(p);
  });
  const max = state.max_steps;
  return {
    file,
    format: "trainer_state.json",
    points,
    totalSteps: typeof max === "number" ? max : undefined,
  };
}

export function parseJsonlLog(
  text: string,
  file: string,
  format: "trainer_log.jsonl" | "logging.jsonl",
): TrainingCurves {
  const points: CurvePoint[] = [];
  let totalSteps: number | undefined;
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const where = { file, record: i + 1, recordKind: "line" as const };
    let o: Obj;
    try {
      o = parsePythonJsonText(line) as Obj;
    } catch (e) {
      throw new InputError(where, `not valid JSON: ${(e as Error).message}`);
    }
    if (typeof o !== "object" || o === null || Array.isArray(o))
      throw new InputError(where, "expected an object");
    let step: number | undefined;
    if (format === "trainer_log.jsonl") {
      step = numberField(o, "current_steps", where);
      totalSteps = numberField(o, "total_steps", where) ?? totalSteps;
    } else {
      const gs = o["global_step/max_steps"] ?? o.global_step;
      if (typeof gs === "string") {
        const m = /^(\d+)\/(\d+)$/.exec(gs);
        if (!m)
          throw new InputError(
            { ...where, field: "global_step/max_steps" },
            `expected "a/b", got ${JSON.stringify(gs)}`,
          );
        step = Number(m[1]);
        totalSteps = Number(m[2]);
      } else if (typeof gs === "number") step = gs;
    }
    if (step === undefined) return; // e.g. a summary line without a step
    const p = point(o, step, where, format === "trainer_log.jsonl" ? "lr" : "learning_rate");
    if (p) points.push(p);
  });
  return { file, format, points, totalSteps };
}

/** LLaMA-Factory's log counts `current_steps`; ms-swift's says `global_step/max_steps`; else by name. */
function jsonlFormat(text: string, name: string): "trainer_log.jsonl" | "logging.jsonl" {
  if (/"current_steps"\s*:/.test(text)) return "trainer_log.jsonl";
  if (/"global_step(\/max_steps)?"\s*:/.test(text)) return "logging.jsonl";
  return name === "logging.jsonl" ? "logging.jsonl" : "trainer_log.jsonl";
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

export function readTrainingCurves(path: string): TrainingCurves {
  const file = findCurveFile(path);
  const text = readFileSync(file, "utf8");
  const name = basename(file);
  if (name.endsWith(".jsonl")) return parseJsonlLog(text, file, jsonlFormat(text, name));
  return parseTrainerState(text, file);
}
