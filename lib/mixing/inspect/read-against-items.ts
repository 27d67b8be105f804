/**
 * The items a mix is checked against (`mix inspect --against FILE`): T3 validation JSONL
 * (`{question, answer, qid}`, as `synthesize` writes and text_temporal ships), lmms-eval
 * samples files (JSONL rows whose `doc` holds the benchmark's question, `input` the
 * prompt; on lmms-eval's 2025 main, rows without `doc`: a metric entry's question, else
 * `input`; the item is `doc_id`), TempCompass question files (a JSON object of videos, of
 * dimensions, of `{question, answer}` lists; the item is the path, `video/dimension/i`),
 * plain JSONL of `{question | text | prompt}` and CSV with a `question` (or `text`,
 * `prompt`) column. Errors name the file, the record and the field.
 */
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { InputError } from "../../errors/index";
import { type JsonValue, detectRecordFormat, readRecords } from "../../json/index";
import type { AgainstItem } from "./contamination-index";

const TEXT_FIELDS = ["question", "text", "prompt"] as const;

type Obj = Record<string, JsonValue>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * An lmms-eval samples line: with its `doc` (up to v0.3.x), or, from lmms-eval's 2025 main,
 * whose sample logger drops `doc` and `arguments` (loggers/evaluation_tracker.py
 * save_results_samples), with `doc_id` and `doc_hash` left.
 */
const isLmmsEvalSample = (row: Obj): boolean =>
  isObject(row.doc) || ("doc_id" in row && typeof row.doc_hash === "string");

/**
 * A doc-less lmms-eval sample's question: a metric entry's `question` (TempCompass's
 * process_results keep it), else `input`, the prompt the model saw.
 */
function samplePrompt(row: Obj): string | undefined {
  for (const v of Object.values(row))
    if (isObject(v) && typeof v.question === "string") return v.question;
  return typeof row.input === "string" ? row.input : undefined;
}

/** The question of one JSON(L) row, and its item name, or an error message. */
function rowItem(row: JsonValue, index: number): { item: string; text: string } | string {
  if (!isObject(row)) return "expected an object with a question";
  if (!isObject(row.doc) && isLmmsEvalSample(row)) {
    const text = samplePrompt(row);
    if (text === undefined) return "input: missing (no doc, and no metric entry with a question)";
    const id = row.doc_id;
    return {
      item: typeof id === "number" || typeof id === "string" ? String(id) : String(index),
      text,
    };
  }
  if (isObject(row.doc)) {
    const doc = row.doc;
    const q = TEXT_FIELDS.map((f) => doc[f]).find((v) => typeof v === "string");
    const text = typeof q === "string" ? q : typeof row.input === "string" ? row.input : undefined;
    if (text === undefined) return "doc: no question, text or prompt, and no input";
    const id = row.doc_id;
    return {
      item: typeof id === "string" || typeof id === "number" ? String(id) : String(index),
      text,
    };
  }
  const field = TEXT_FIELDS.find((f) => typeof row[f] === "string");
  if (!field) return "question: missing (also looked for text, prompt)";
  const id = row.qid ?? row.id ?? row.question_id;
  return {
    item: typeof id === "string" || typeof id === "number" ? String(id) : String(index),
    text: row[field] as string,
  };
}

/** Objects with a string `question` anywhere under `value`, named by their path. */
function nestedQuestions(
  value: JsonValue,
  path: string,
  out: { item: string; text: string }[],
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => nestedQuestions(v, path === "" ? String(i) : `${path}/${i}`, out));
  } else if (isObject(value)) {
    if (typeof value.question === "string") {
      out.push({ item: path, text: value.question });
      return;
    }
    for (const [k, v] of Object.entries(value))
      nestedQuestions(v, path === "" ? k : `${path}/${k}`, out);
  }
}

async function csvItems(file: string): Promise<{ item: string; text: string }[]> {
  const text = await readFile(file, "utf8");
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  const columns = parsed.meta.fields ?? [];
  const column = TEXT_FIELDS.find((f) => columns.includes(f));
  if (!column)
    throw new InputError(
      { file, field: "question" },
      `no question, text or prompt column (columns: ${columns.join(", ") || "none"})`,
    );
  const idColumn = ["qid", "id", "question_id"].find((f) => columns.includes(f));
  return parsed.data.map((row, i) => ({
    item: idColumn && row[idColumn] ? row[idColumn] : String(i),
    text: row[column] ?? "",
  }));
}

function wholeObject(text: string): Obj | undefined {
  try {
    const v = JSON.parse(text) as JsonValue;
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

async function jsonItems(file: string): Promise<{ item: string; text: string }[]> {
  const format = await detectRecordFormat(file);
  if (format === "jsonl") {
    // A JSON object holding the questions (TempCompass) rather than one row per line: it
    // parses whole and is not itself a row.
    const whole = wholeObject(await readFile(file, "utf8"));
    if (whole && !TEXT_FIELDS.some((f) => f in whole) && !isLmmsEvalSample(whole)) {
      const out: { item: string; text: string }[] = [];
      nestedQuestions(whole, "", out);
      if (out.length === 0)
        throw new InputError({ file, field: "question" }, "no object with a question in the file");
      return out;
    }
  }
  const out: { item: string; text: string }[] = [];
  for await (const { index, line, record } of readRecords(file)) {
    if (
      format === "array" &&
      isObject(record) &&
      !TEXT_FIELDS.some((f) => f in record) &&
      !isLmmsEvalSample(record)
    ) {
      const nested: { item: string; text: string }[] = [];
      nestedQuestions(record, String(index), nested);
      if (nested.length > 0) {
        out.push(...nested);
        continue;
      }
    }
    const got = rowItem(record, index);
    if (typeof got === "string") {
      const [field, ...rest] = got.split(": ");
      throw new InputError(
        line !== undefined
          ? { file, record: line, recordKind: "line", field: rest.length ? field : undefined }
          : { file, record: index, field: rest.length ? field : undefined },
        rest.length ? rest.join(": ") : got,
      );
    }
    out.push(got);
  }
  return out;
}

/** The items of each `--against` file, in file order. */
export async function readAgainstItems(files: readonly string[]): Promise<AgainstItem[]> {
  const out: AgainstItem[] = [];
  for (const file of files) {
    const items = /\.(csv|tsv)$/i.test(file) ? await csvItems(file) : await jsonItems(file);
    for (const it of items) out.push({ against: file, item: it.item, text: it.text });
  }
  return out;
}
