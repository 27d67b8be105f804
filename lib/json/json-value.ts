/**
 * JSON values as Python's `json.load` holds them, in JavaScript, without loss:
 * - an int lexeme is a `number` when it is a safe integer, else a `bigint` (any size);
 * - a float lexeme is a `number` when its value is not an integer (`0.5`, `1e-05`), else a
 *   `PyFloat` (`1.0`, `1e5`, `1e16`, `-0.0`, `Infinity`, `NaN`): the writer then prints
 *   `1.0`, `100000.0`, `1e+16`, `-0.0` as Python does, never `1`;
 * - an object is a plain object in key order, unless one of its keys looks like an array
 *   index ("0", "12"), which JavaScript would move to the front: then a `JsonEntries`
 *   keeps the order. A repeated key keeps its last value at its first position (Python's
 *   rule, and also what `JSON.parse` does).
 */

/** A Python float whose value is an integer or not finite; `value` is the float itself. */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

/** An object whose key order a plain JS object cannot keep (array-index-like keys). */
export class JsonEntries {
  constructor(readonly entries: [string, JsonValue][]) {}
  get(key: string): JsonValue | undefined {
    for (const [k, v] of this.entries) if (k === key) return v;
    return undefined;
  }
}

export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | JsonValue[]
  | JsonEntries
  | { [key: string]: JsonValue };

/** True for keys that JS objects reorder (canonical array indices 0..2^32-2). */
export function isArrayIndexKey(key: string): boolean {
  if (key.length === 0 || key.length > 10) return false;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return false;
  for (let i = 1; i < key.length; i++) {
    const d = key.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return Number(key) < 4294967295;
}

/** The value of a number lexeme, typed as Python would hold it (see the module header). */
export function numberFromLexeme(lexeme: string): number | bigint | PyFloat {
  if (/[.eE]/.test(lexeme)) {
    const v = Number(lexeme);
    // Integer-valued floats (1.0, 1e16, -0.0) and overflow (1e400 → inf) need the marker.
    return Number.isInteger(v) || !Number.isFinite(v) ? new PyFloat(v) : v;
  }
  if (lexeme === "NaN") return new PyFloat(Number.NaN);
  if (lexeme === "Infinity") return new PyFloat(Number.POSITIVE_INFINITY);
  if (lexeme === "-Infinity") return new PyFloat(Number.NEGATIVE_INFINITY);
  const v = Number(lexeme);
  if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  return BigInt(lexeme);
}

/** A JSON object as plain JavaScript data (after `JSON.parse` or `plainJson`). */
export type JsonObject = Record<string, unknown>;

/** True for a plain object: not null, not an array. */
export const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);
