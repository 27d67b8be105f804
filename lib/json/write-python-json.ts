/**
 * A writer byte-identical to Python's `json.dump(obj, f, indent=…)` / `json.dumps`, that
 * streams: output goes out in chunks of about 1 MiB, so a list of a million records is
 * never one string. Values are `JsonValue`s (see json-value.ts); an `EncodedJson` item
 * is copied as is (bytes the mixer already re-emitted in the same layout).
 *
 * @example
 * formatPythonJson({ a: [1, new PyFloat(1), 1e-5, "é"] }, { indent: 4 })
 * // '{\n    "a": [\n        1,\n        1.0,\n        1e-05,\n        "\\u00e9"\n    ]\n}'
 */
import { encodePythonString } from "./encode-python-string";
import { JsonEntries, type JsonValue, PyFloat } from "./json-value";
import { formatPythonFloat } from "./python-float-repr";

/** Layout options, as Python's `json.dump` names them. */
export interface PythonJsonOptions {
  /** Spaces per level (Python `indent=`); null or undefined: one line. */
  indent?: number | null;
  /**
   * `[item, key]` separators; Python's default is `[", ", ": "]` without an indent and
   * `[",", ": "]` with one. Compact JSON is `[",", ":"]`.
   */
  separators?: [string, string];
}

/** Where written chunks go: a file stream, an atomic write stream, a collector. */
export interface JsonSink {
  write(chunk: string | Uint8Array): Promise<void> | void;
}

/** Bytes of one value, already laid out for the level it will be written at. */
export class EncodedJson {
  constructor(readonly bytes: Uint8Array) {}
}

const FLUSH_AT = 1 << 20;

/**
 * `json.dumps(value, indent=…)` as a string (for small values; use writePythonJson for big
 * ones). `level` lays the value out as if nested that deep (its first line unindented).
 */
export function formatPythonJson(
  value: JsonValue,
  options: PythonJsonOptions = {},
  level = 0,
): string {
  const parts: string[] = [];
  const enc = new PythonJsonEncoder(options, (s) => parts.push(s));
  enc.value(value, level);
  enc.flush();
  return parts.join("");
}

/** `json.dump(value, f, indent=…)`: streams `value` to `sink`. */
export async function writePythonJson(
  value: JsonValue,
  sink: JsonSink,
  options: PythonJsonOptions = {},
): Promise<void> {
  await writePythonJsonArray(null, value, sink, options);
}

/**
 * `json.dump(list(items), f, indent=…)` without holding the list: items come one by one
 * (plain values or `EncodedJson` bytes already laid out at level 1).
 */
export async function writePythonJsonItems(
  items: Iterable<JsonValue | EncodedJson> | AsyncIterable<JsonValue | EncodedJson>,
  sink: JsonSink,
  options: PythonJsonOptions = {},
): Promise<number> {
  return writePythonJsonArray(items, null, sink, options);
}

async function writePythonJsonArray(
  items: Iterable<JsonValue | EncodedJson> | AsyncIterable<JsonValue | EncodedJson> | null,
  single: JsonValue,
  sink: JsonSink,
  options: PythonJsonOptions,
): Promise<number> {
  const pending: (string | Uint8Array)[] = [];
  let pendingSize = 0;
  const enc = new PythonJsonEncoder(options, (s) => {
    pending.push(s);
    pendingSize += s.length;
  });
  const drain = async (force: boolean) => {
    enc.flush();
    if (!force && pendingSize < FLUSH_AT) return;
    if (pending.length === 0) return;
    const chunk = Buffer.concat(
      pending.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)),
    );
    pending.length = 0;
    pendingSize = 0;
    await sink.write(chunk);
  };
  if (items === null) {
    enc.value(single, 0);
    await drain(true);
    return 1;
  }
  let n = 0;
  for await (const item of items) {
    enc.raw(n === 0 ? enc.openList(0) : enc.itemSeparator(1));
    if (item instanceof EncodedJson) {
      enc.flush();
      pending.push(item.bytes);
      pendingSize += item.bytes.length;
    } else {
      enc.value(item, 1);
    }
    n++;
    await drain(false);
  }
  enc.raw(n === 0 ? "[]" : enc.closeList(0));
  await drain(true);
  return n;
}

/** The recursive part of `json.dump`: emits strings through `emit` in ~64 KiB pieces. */
class PythonJsonEncoder {
  private readonly indent: string | null;
  private readonly itemSep: string;
  private readonly keySep: string;
  private buf = "";

  constructor(
    options: PythonJsonOptions,
    private readonly emit: (s: string) => void,
  ) {
    const indent = options.indent;
    this.indent = indent === null || indent === undefined ? null : " ".repeat(indent);
    const [item, key] = options.separators ?? [this.indent === null ? ", " : ",", ": "];
    this.itemSep = item;
    this.keySep = key;
  }

  raw(s: string): void {
    this.buf += s;
    if (this.buf.length > 1 << 16) this.flush();
  }

  flush(): void {
    if (this.buf.length > 0) this.emit(this.buf);
    this.buf = "";
  }

  openList(level: number): string {
    return this.indent === null ? "[" : `[\n${this.indent.repeat(level + 1)}`;
  }

  closeList(level: number): string {
    return this.indent === null ? "]" : `\n${this.indent.repeat(level)}]`;
  }

  itemSeparator(level: number): string {
    return this.indent === null ? this.itemSep : `${this.itemSep}\n${this.indent.repeat(level)}`;
  }

  value(v: JsonValue, level: number): void {
    const text = scalarText(v);
    if (text !== null) this.raw(text);
    else if (Array.isArray(v)) this.list(v, level);
    else if (v instanceof JsonEntries) this.object(v.entries, level);
    else this.object(Object.entries(v as { [key: string]: JsonValue }), level);
  }

  private list(v: JsonValue[], level: number): void {
    if (v.length === 0) {
      this.raw("[]");
      return;
    }
    this.raw(this.openList(level));
    const sep = this.itemSeparator(level + 1);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) this.raw(sep);
      this.value(v[i], level + 1);
    }
    this.raw(this.closeList(level));
  }

  private object(entries: [string, JsonValue][], level: number): void {
    if (entries.length === 0) {
      this.raw("{}");
      return;
    }
    this.raw(this.indent === null ? "{" : `{\n${this.indent.repeat(level + 1)}`);
    const sep = this.itemSeparator(level + 1);
    for (let i = 0; i < entries.length; i++) {
      if (i > 0) this.raw(sep);
      this.raw(encodePythonString(entries[i][0]));
      this.raw(this.keySep);
      this.value(entries[i][1], level + 1);
    }
    this.raw(this.indent === null ? "}" : `\n${this.indent.repeat(level)}}`);
  }
}

/** The text of a scalar value, or null for a list or an object. */
function scalarText(v: JsonValue): string | null {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return encodePythonString(v);
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return v.toString();
    case "number":
      return formatNumber(v);
  }
  if (v instanceof PyFloat) return formatPythonFloat(v.value);
  return null;
}

/** A JS number: an integer prints as a Python int, anything else as a Python float. */
function formatNumber(v: number): string {
  if (Number.isInteger(v) && !Object.is(v, -0)) {
    return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  }
  return formatPythonFloat(v);
}
