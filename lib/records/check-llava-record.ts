/**
 * The one shape check of a LLaVA record (llava-record.ts), used by every stage that reads
 * or writes them: an object with `conversations`, a non-empty list of `{from, value}`
 * turns with string values, opened by a human turn (a leading system turn aside), with at
 * least one gpt turn to train on; `id` a string or number and `image` a path or list of
 * paths when present. LLaVA's and LLaMA-Factory's loaders fail (or train on nothing) on
 * anything else, far from the file that caused it.
 */
import { InputError, type InputLocation } from "../errors/index";
import { JsonEntries, PyFloat, isJsonObject } from "../json/index";

export interface RecordProblem {
  field: string;
  problem: string;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** An object that keeps Python's key order (index-like keys) as a plain one; the last of a repeated key wins, as in Python. */
function plain(v: unknown): unknown {
  return v instanceof JsonEntries ? Object.fromEntries(v.entries) : v;
}

/** The first problem of a LLaVA record, or null when it has none. */
export function llavaRecordProblem(value: unknown): RecordProblem | null {
  const record = plain(value);
  if (!isJsonObject(record))
    return { field: "", problem: `expected a LLaVA record (an object), got ${kindOf(record)}` };
  // Any JSON scalar is an id as far as the loaders go (a big integer parses as a bigint).
  if (record.id === null || (typeof record.id === "object" && !(record.id instanceof PyFloat)))
    return { field: "id", problem: `expected a string or a number, got ${kindOf(record.id)}` };
  const turns = record.conversations;
  if (turns === undefined)
    return { field: "conversations", problem: "missing: every LLaVA record needs conversations" };
  if (!Array.isArray(turns))
    return { field: "conversations", problem: `expected a list of turns, got ${kindOf(turns)}` };
  if (turns.length === 0) return { field: "conversations", problem: "empty: no turn to train on" };
  let opened = false;
  let answers = 0;
  for (const [k, raw] of turns.entries()) {
    const turn = plain(raw);
    const at = `conversations[${k}]`;
    if (!isJsonObject(turn))
      return { field: at, problem: `expected a {from, value} turn, got ${kindOf(turn)}` };
    if (typeof turn.from !== "string")
      return { field: `${at}.from`, problem: `expected a string, got ${kindOf(turn.from)}` };
    if (typeof turn.value !== "string")
      return { field: `${at}.value`, problem: `expected a string, got ${kindOf(turn.value)}` };
    if (!opened && turn.from !== "system") {
      if (turn.from !== "human")
        return {
          field: `${at}.from`,
          problem: `the conversation must open with a "human" turn, got ${JSON.stringify(turn.from)}`,
        };
      opened = true;
    }
    if (turn.from === "gpt") answers++;
  }
  if (answers === 0)
    return { field: "conversations", problem: 'no "gpt" turn: nothing to train on' };
  const image = record.image;
  if (image !== undefined && image !== null) {
    const list = Array.isArray(image) ? image : [image];
    const k = list.findIndex((p) => typeof p !== "string");
    if (k >= 0)
      return {
        field: Array.isArray(image) ? `image[${k}]` : "image",
        problem: `expected a path string, got ${kindOf(list[k])}`,
      };
  }
  return null;
}

/** Throws an InputError at `where` (file and record) naming the field of the first problem. */
export function checkLlavaRecordShape(record: unknown, where: InputLocation): void {
  const p = llavaRecordProblem(record);
  if (p) throw new InputError({ ...where, field: p.field }, p.problem);
}
