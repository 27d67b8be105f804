/**
 * Turns one input record into a Caption, or throws an InputError that names the file, the
 * record (JSON index or JSONL line) and the field. Accepted shapes:
 * - `{id, caption}` (JSONL or JSON), with optional annotations `noun_phrase` (`null`: no
 *   usable main object), `object`, `attributes: [{kind, value, subject}]`;
 * - a LLaVA-ReCap record `{id, conversations: [{from: "human"}, {from: "gpt", value}]}`,
 *   whose first gpt turn is the caption.
 */
import { InputError, type InputLocation } from "../../errors/index";
import type { AttributeAnnotation, Caption } from "./caption-record";
import { firstSentence } from "./first-sentence";

/** Where a record sits: a JSON array index or a JSONL line. */
export interface RecordPlace {
  file: string;
  record: number;
  recordKind: "record" | "line";
}

function fail(place: RecordPlace, field: string | undefined, problem: string): never {
  const loc: InputLocation = { ...place, field };
  throw new InputError(loc, problem);
}

/** Validates `raw` and returns its caption (first sentence). */
export function parseCaptionRecord(raw: unknown, place: RecordPlace): Caption {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail(place, undefined, "expected an object with id and caption");
  }
  const r = raw as Record<string, unknown>;
  // lib/json holds integers beyond 2^53 exactly, as bigint (Python's int).
  if (typeof r.id !== "string" && typeof r.id !== "number" && typeof r.id !== "bigint") {
    fail(place, "id", `expected a string or number, got ${describe(r.id)}`);
  }
  const full = captionText(r, place);
  const text = firstSentence(full);
  if (text === "") fail(place, "caption", "the caption is empty");
  const caption: Caption = { id: String(r.id), text };
  const lower = text.toLowerCase();
  if (r.noun_phrase === null) caption.nounPhrase = null;
  for (const key of ["noun_phrase", "object"] as const) {
    if (r[key] === undefined || (key === "noun_phrase" && r[key] === null)) continue;
    const v = r[key];
    if (typeof v !== "string" || v.trim() === "") fail(place, key, "expected a non-empty string");
    if (!lower.includes(v.toLowerCase())) {
      fail(place, key, `"${v}" does not occur in the caption's first sentence`);
    }
    if (key === "noun_phrase") caption.nounPhrase = v;
    else caption.object = v;
  }
  if (r.attributes !== undefined) caption.attributes = parseAttributes(r.attributes, lower, place);
  return caption;
}

function captionText(r: Record<string, unknown>, place: RecordPlace): string {
  if (r.caption !== undefined) {
    if (typeof r.caption !== "string") {
      fail(place, "caption", `expected a string, got ${describe(r.caption)}`);
    }
    return r.caption;
  }
  if (!Array.isArray(r.conversations)) {
    fail(
      place,
      "caption",
      "missing (expected `caption`, or LLaVA `conversations` with a gpt turn)",
    );
  }
  const turns = r.conversations as unknown[];
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i] as Record<string, unknown> | null;
    if (t === null || typeof t !== "object")
      fail(place, `conversations[${i}]`, "expected an object");
    if (t.from !== "gpt") continue;
    if (typeof t.value !== "string") {
      fail(place, `conversations[${i}].value`, `expected a string, got ${describe(t.value)}`);
    }
    return t.value;
  }
  fail(place, "conversations", 'no turn with from = "gpt" holds a caption');
}

function parseAttributes(v: unknown, lower: string, place: RecordPlace): AttributeAnnotation[] {
  if (!Array.isArray(v)) fail(place, "attributes", "expected an array");
  return v.map((a, i) => {
    const at = `attributes[${i}]`;
    if (a === null || typeof a !== "object") fail(place, at, "expected {kind, value, subject}");
    const o = a as Record<string, unknown>;
    for (const k of ["kind", "value", "subject"]) {
      if (typeof o[k] !== "string" || (o[k] as string).trim() === "") {
        fail(place, `${at}.${k}`, `expected a non-empty string, got ${describe(o[k])}`);
      }
    }
    const value = o.value as string;
    if (!lower.includes(value.toLowerCase())) {
      fail(place, `${at}.value`, `"${value}" does not occur in the caption's first sentence`);
    }
    return { kind: o.kind as string, value, subject: o.subject as string };
  });
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "string" ? `"${v.slice(0, 40)}"` : typeof v;
}
