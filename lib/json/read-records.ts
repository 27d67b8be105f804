/**
 * Record readers for big JSON files: a JSON array (Open-LLaVA-NeXT mix1M is 1.6 GB, one
 * array) or JSON Lines, yielded in order with their index, each record parsed as Python's
 * `json.load` holds it (key order, repeated keys, number lexemes: see json-value.ts).
 * Memory stays at about one chunk (8 MiB) plus the records the consumer keeps.
 *
 * @example
 * for await (const { index, record } of readRecords("data/llava/llava-sample.json")) {
 *   console.log(index, (record as LlavaRecord).id);
 * }
 */
import { InputError } from "../errors/index";
import type { JsonValue } from "./json-value";
import { parsePythonJson } from "./parse-python-json";
import {
  type RecordSpan,
  type ScanOptions,
  detectRecordFormat,
  scanRecordBatches,
} from "./scan-json-records";
import { JsonSyntaxFault } from "./skip-json-value";

/** A record and where it was: `index` counts records from 0; `line` is set for JSONL. */
export interface IndexedRecord<T = JsonValue> {
  index: number;
  line?: number;
  record: T;
}

/** Records of a file holding one JSON array, in order. */
export function readJsonArrayRecords(
  path: string,
  options: ScanOptions = {},
): AsyncIterable<IndexedRecord> {
  return readWith(path, "array", options);
}

/** Records of a JSON Lines file (blank lines skipped), in order. */
export function readJsonlRecords(
  path: string,
  options: ScanOptions = {},
): AsyncIterable<IndexedRecord> {
  return readWith(path, "jsonl", options);
}

/** Records of either kind: a file whose first non-blank byte is `[` is an array, else JSONL. */
export async function* readRecords(
  path: string,
  options: ScanOptions = {},
): AsyncIterable<IndexedRecord> {
  const format = await detectRecordFormat(path);
  yield* format === "array" ? readJsonArrayRecords(path, options) : readJsonlRecords(path, options);
}

/** All records of a file in one array (for small files: tests, the embedded samples). */
export async function readAllRecords(path: string): Promise<JsonValue[]> {
  const out: JsonValue[] = [];
  for await (const r of readRecords(path)) out.push(r.record);
  return out;
}

/** Parses one found record's bytes as Python would (JSON.parse when nothing is lost). */
export function parseRecordSpan(span: RecordSpan, file: string): JsonValue {
  const text = Buffer.from(
    span.bytes.buffer,
    span.bytes.byteOffset + span.start,
    span.end - span.start,
  ).toString("utf8");
  if (!span.needsPythonParse) return JSON.parse(text) as JsonValue;
  try {
    return parsePythonJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxFault) {
      const where =
        span.line === undefined
          ? { file, record: span.index }
          : { file, record: span.line, recordKind: "line" as const };
      throw new InputError({ ...where, field: e.field }, e.message);
    }
    throw e;
  }
}

async function* readWith(
  path: string,
  format: "array" | "jsonl",
  options: ScanOptions,
): AsyncIterable<IndexedRecord> {
  for await (const spans of scanRecordBatches(path, format, options)) {
    for (const span of spans) {
      yield { index: span.index, line: span.line, record: parseRecordSpan(span, path) };
    }
  }
}
