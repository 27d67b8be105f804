import Papa from "papaparse";
import { InputError } from "../../errors/index";
import { isJsonObject, parsePythonJson } from "../../json/index";
import { parsePlainJson, plainJson } from "./plain-json";

/** The result files `eval ingest` reads. */
export type ResultFormat =
  | "lmms-eval-results"
  | "lmms-eval-samples"
  | "tempcompass-output"
  | "score-csv";

export const KNOWN_FORMATS =
  "lmms-eval <date>_results.json, lmms-eval <date>_samples_<task>.jsonl, TempCompass auto_eval_results/<model>/<task>.json, or a CSV with columns benchmark,dimension,value";

// lmms-eval's `_results.json` always has `results` beside run metadata
// (lmms_eval/loggers/evaluation_tracker.py writes config, versions, n-samples, git_hash …).
const LMMS_EVAL_KEYS = ["config", "configs", "versions", "n-samples", "git_hash", "date"];

function isTempCompassOutput(v: unknown): boolean {
  // {video_id: {dimension: [{question, gt-answer, video-llm-prediction, match_success, rating}]}}
  if (!isJsonObject(v)) return false;
  const videos = Object.values(v);
  return (
    videos.length > 0 &&
    videos.every(
      (dims) =>
        isJsonObject(dims) &&
        Object.values(dims).every(
          (qs) => Array.isArray(qs) && qs.every((q) => isJsonObject(q) && "gt-answer" in q),
        ),
    )
  );
}

// Whether JSON text stops inside a string, object or array: a file cut short (a run killed
// while writing, a partial download) rather than a wrong format.
function endsUnclosed(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}

function firstLine(text: string): string {
  for (const line of text.split("\n")) if (line.trim() !== "") return line;
  return "";
}

/** Recognises a result file from its content (never its name); unknown content is refused. */
export function detectResultFormat(text: string, file: string): ResultFormat {
  const body = text.replace(/^\uFEFF/, "");
  const trimmed = body.trimStart();
  if (trimmed === "") throw new InputError({ file }, `empty file; expected ${KNOWN_FORMATS}`);
  if (trimmed.startsWith("{")) {
    let whole: unknown;
    let broken: InputError | undefined;
    try {
      whole = parsePlainJson(body, file);
    } catch (err) {
      whole = undefined;
      broken = err as InputError;
    }
    if (whole !== undefined) {
      const obj = isJsonObject(whole) ? whole : null;
      if (obj !== null && isJsonObject(obj.results)) {
        if (LMMS_EVAL_KEYS.some((k) => k in obj)) return "lmms-eval-results";
      }
      if (isTempCompassOutput(whole)) return "tempcompass-output";
      if (isJsonObject(whole) && "doc_id" in whole) return "lmms-eval-samples";
    } else {
      let first: unknown;
      try {
        first = plainJson(parsePythonJson(firstLine(body)));
      } catch {
        first = undefined;
      }
      if (isJsonObject(first) && "doc_id" in first) return "lmms-eval-samples";
      // Neither one JSON value nor JSON lines: a file cut short or broken, not an unknown format.
      if (endsUnclosed(body)) {
        throw new InputError(
          { file },
          `truncated: the JSON ends inside an unclosed string, object or array (${Buffer.byteLength(body)} bytes read)`,
        );
      }
      if (broken) throw broken;
    }
    throw new InputError({ file }, `JSON in no known format; expected ${KNOWN_FORMATS}`);
  }
  const header = Papa.parse<string[]>(firstLine(body), { header: false }).data[0] ?? [];
  const names = header.map((h) => h.trim());
  if (["benchmark", "dimension", "value"].every((c) => names.includes(c))) return "score-csv";
  const hint =
    names.includes("run") && names.includes("textual")
      ? " (this looks like the input of `t3kit eval correlate`)"
      : "";
  throw new InputError({ file }, `not a known result format${hint}; expected ${KNOWN_FORMATS}`);
}
