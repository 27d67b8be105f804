/**
 * `json.loads` with Python's semantics, into `JsonValue`s (see json-value.ts): number
 * lexemes keep their Python type and value (big ints exact, `1.0` stays a float),
 * repeated keys keep the last value at the first key's position, `NaN` / `Infinity`
 * are accepted. Errors name the field path. Used where the fast path (`JSON.parse`)
 * would lose something; about 100 MB/s.
 */
import { JsonEntries, type JsonValue, isArrayIndexKey, numberFromLexeme } from "./json-value";
import { JsonSyntaxFault, formatPath } from "./skip-json-value";

/** Parses one JSON text as Python would; throws JsonSyntaxFault (position, field). */
export function parsePythonJson(text: string): JsonValue {
  const p = new PythonJsonParser(text);
  const v = p.value(p.ws(0));
  const end = p.ws(p.pos);
  if (end < text.length) p.fail(end, "extra data after the value");
  return v;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings stop at controls.
const PLAIN = /[^"\\\x00-\x1f]*/y;

class PythonJsonParser {
  pos = 0;
  private readonly path: (string | number)[] = [];

  constructor(private readonly s: string) {}

  fail(at: number, message: string): never {
    throw new JsonSyntaxFault(at, message, formatPath(this.path));
  }

  ws(iAt: number): number {
    let i = iAt;
    const s = this.s;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    return i;
  }

  value(iAt: number): JsonValue {
    const i = iAt;
    const s = this.s;
    if (i >= s.length) this.fail(i, "unexpected end of data");
    const c = s.charCodeAt(i);
    if (c === 34) return this.string(i);
    if (c === 123) return this.object(i);
    if (c === 91) return this.array(i);
    for (const [word, v] of LITERALS) {
      if (s.startsWith(word, i)) {
        this.pos = i + word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m === null || m[0] === "-") this.fail(i, `unexpected character ${JSON.stringify(s[i])}`);
    this.pos = i + m[0].length;
    return numberFromLexeme(m[0]);
  }

  string(iAt: number): string {
    let i = iAt;
    const s = this.s;
    let out = "";
    i++;
    for (;;) {
      PLAIN.lastIndex = i;
      const run = PLAIN.exec(s)![0];
      out += run;
      i += run.length;
      if (i >= s.length) this.fail(i, "unterminated string");
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return out;
      }
      if (c < 32) this.fail(i, "control character in a string (Python's json rejects it)");
      const e = s[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        this.fail(i, "invalid escape");
      }
    }
  }

  array(iAt: number): JsonValue[] {
    let i = iAt;
    const out: JsonValue[] = [];
    i = this.ws(i + 1);
    if (this.s.charCodeAt(i) === 93) {
      this.pos = i + 1;
      return out;
    }
    for (;;) {
      this.path.push(out.length);
      out.push(this.value(i));
      this.path.pop();
      i = this.ws(this.pos);
      const c = this.s.charCodeAt(i);
      if (c === 93) {
        this.pos = i + 1;
        return out;
      }
      if (c !== 44) this.fail(i, 'expected "," or "]" in a list');
      i = this.ws(i + 1);
    }
  }

  object(iAt: number): JsonValue {
    let i = iAt;
    const entries: [string, JsonValue][] = [];
    const at = new Map<string, number>();
    let indexKey = false;
    i = this.ws(i + 1);
    if (this.s.charCodeAt(i) !== 125) {
      for (;;) {
        if (this.s.charCodeAt(i) !== 34) this.fail(i, "expected a key in quotes");
        const key = this.string(i);
        i = this.ws(this.pos);
        if (this.s.charCodeAt(i) !== 58) this.fail(i, 'expected ":" after a key');
        this.path.push(key);
        const v = this.value(this.ws(i + 1));
        this.path.pop();
        const seen = at.get(key);
        // Python's dict: a repeated key keeps its first position and takes the last value.
        if (seen === undefined) {
          at.set(key, entries.length);
          entries.push([key, v]);
          if (!indexKey && isArrayIndexKey(key)) indexKey = true;
        } else {
          entries[seen][1] = v;
        }
        i = this.ws(this.pos);
        const c = this.s.charCodeAt(i);
        if (c === 125) break;
        if (c !== 44) this.fail(i, 'expected "," or "}" in an object');
        i = this.ws(i + 1);
      }
    }
    this.pos = i + 1;
    if (indexKey) return new JsonEntries(entries);
    const obj: { [key: string]: JsonValue } = {};
    for (const [k, v] of entries) {
      if (k === "__proto__")
        Object.defineProperty(obj, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else obj[k] = v;
    }
    return obj;
  }
}

const LITERALS: [string, JsonValue][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

for (const [word, lexeme] of [
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["-Infinity", "-Infinity"],
] as const) {
  LITERALS.push([word, numberFromLexeme(lexeme)]);
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
