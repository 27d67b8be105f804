import { InputError } from "../../errors/index";
import { JsonEntries, type JsonValue, PyFloat, parsePythonJson } from "../../json/index";

/**
 * A value read by the kit's Python-compatible JSON reader, as plain JavaScript data: the
 * evaluators write JSON with Python's `json.dumps`, which may hold NaN or Infinity (stderr
 * fields) that `JSON.parse` refuses.
 */
export function plainJson(v: JsonValue): unknown {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof JsonEntries) {
    return Object.fromEntries(v.entries.map(([k, x]) => [k, plainJson(x)]));
  }
  if (Array.isArray(v)) return v.map(plainJson);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainJson(x)]));
  }
  return v;
}

/** Parses a whole JSON text; a syntax error names the file. */
export function parsePlainJson(text: string, file: string): unknown {
  try {
    return plainJson(parsePythonJson(text));
  } catch (err) {
    throw new InputError({ file }, `not valid JSON: ${(err as Error).message}`);
  }
}
