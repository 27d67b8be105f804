/**
 * The LLaVA shape check (check-llava-record.ts) on a record's bytes, without building
 * objects: `llavaShapeProblemInBytes` returns exactly what
 * `llavaRecordProblem(parsePythonJson(text))` returns, field and message alike. The
 * reference recipe checks every LLaVA record it writes (200k of them), and parsing each one
 * into objects was the command's biggest cost.
 *
 * The bytes must already be valid JSON (the scanners checked them), so nothing here checks
 * the grammar: strings end at the next unescaped quote, containers at the matching bracket.
 * Only the top-level keys, the turns and `image` are looked at; everything else is skipped.
 *
 * Python's semantics, kept without parsing:
 * - a repeated key: the last value counts (the order of keys never matters to the check),
 *   so the walk keeps the verdict of the last `id` / `conversations` / `image` and the last
 *   `from` / `value` position of a turn;
 * - a float lexeme that Python keeps as a float with an integer or infinite value (`1.0`,
 *   `NaN`) is a `PyFloat`, an object to the check (a record or turn without keys);
 * - index-like keys (a `JsonEntries` object) change only key order, which the check ignores;
 * - a `from` with escapes is decoded (JSON.parse of that one string decodes as Python does).
 *
 * Falls back to the parse for one rare case: a key with an escape (`"\u0069d"`) in the
 * record or in a turn, which may spell a key the check reads.
 */
import { JsonEntries, type JsonValue, numberFromLexeme, parsePythonJson } from "../json/index";
import { type RecordProblem, llavaRecordProblem } from "./check-llava-record";

/**
 * What a mix checks on a LLaVA record: its first shape problem, and, when it has none, the
 * number of `<image>` tags in its turns and of its images (`image` a path: 1, a list: its
 * length, null or absent: 0), as checkLlavaRecord (lib/mixing) counts them.
 */
export interface LlavaRecordFacts {
  problem: RecordProblem | null;
  imageTags: number;
  images: number;
}

/** llavaShapeProblemInBytes, with the `<image>` tags and images counted on the way. */
export function llavaFactsInBytes(bytes: Uint8Array, start: number, end: number): LlavaRecordFacts {
  const b =
    bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  try {
    const walk = new LlavaRecordBytes(b, end);
    const problem = walk.problem(start);
    // With a problem the counts mean nothing (the walk stops at it): 0, as llavaFactsOf.
    if (problem) return { problem, imageTags: 0, images: 0 };
    return { problem, imageTags: walk.imageTags, images: walk.images };
  } catch (e) {
    if (e !== NEEDS_PARSE) throw e;
    return llavaFactsOf(parsePythonJson(b.toString("utf8", start, end)));
  }
}

/** The facts of a parsed record (the fallback, and the oracle of the byte walk). */
export function llavaFactsOf(record: JsonValue): LlavaRecordFacts {
  const problem = llavaRecordProblem(record);
  if (problem) return { problem, imageTags: 0, images: 0 };
  const r = (record instanceof JsonEntries ? Object.fromEntries(record.entries) : record) as {
    conversations: JsonValue[];
    image?: JsonValue;
  };
  let imageTags = 0;
  for (const raw of r.conversations) {
    const turn = (raw instanceof JsonEntries ? Object.fromEntries(raw.entries) : raw) as {
      value: string;
    };
    imageTags += turn.value.split("<image>").length - 1;
  }
  const images =
    r.image === undefined || r.image === null ? 0 : Array.isArray(r.image) ? r.image.length : 1;
  return { problem: null, imageTags, images };
}

/** The first LLaVA shape problem of the valid JSON value in bytes[start, end), or null. */
export function llavaShapeProblemInBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
): RecordProblem | null {
  const b =
    bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  try {
    return new LlavaRecordBytes(b, end, false).problem(start);
  } catch (e) {
    if (e !== NEEDS_PARSE) throw e;
    return llavaRecordProblem(parsePythonJson(b.toString("utf8", start, end)));
  }
}

/**
 * Thrown where the byte walk would get complicated, and where it runs past the value's end
 * (bytes that are not valid JSON after all: the parse then says why); the record is parsed
 * instead.
 */
const NEEDS_PARSE = { needsParse: true };

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

const word = (s: string) => Buffer.from(s, "latin1");
const ID = word("id");
const CONVERSATIONS = word("conversations");
const IMAGE = word("image");
const FROM = word("from");
const VALUE = word("value");
const HUMAN = word("human");
const GPT = word("gpt");
const SYSTEM = word("system");
const IMAGE_TAG = word("<image>");

/** kindOf (check-llava-record.ts) of a missing key: `undefined`. */
const ABSENT = "a undefined";

function missingConversations(): RecordProblem {
  return { field: "conversations", problem: "missing: every LLaVA record needs conversations" };
}

/** A walk over one record's bytes; positions are indices into `b`. */
class LlavaRecordBytes {
  /** Turn state across the list, as llavaRecordProblem's loop keeps it. */
  private opened = false;
  private answers = 0;
  /** `<image>` tags in the turns' values (of the last `conversations`), and the images. */
  imageTags = 0;
  images = 0;

  constructor(
    private readonly b: Buffer,
    private readonly end: number,
    /** Count `<image>` tags (a search in every turn's value); off for the shape alone. */
    private readonly countTags = true,
  ) {}

  /** The record's first problem (record at `at`, after optional whitespace). */
  problem(at: number): RecordProblem | null {
    const i = this.ws(at);
    const kind = this.kindAt(i);
    if (kind !== "an object")
      return { field: "", problem: `expected a LLaVA record (an object), got ${kind}` };
    // A PyFloat (`1.0`, `NaN`) passes as an object without keys.
    if (this.b[i] !== OPEN_OBJECT) return missingConversations();
    let idProblem: RecordProblem | null = null;
    let turnsProblem: RecordProblem | null | undefined; // undefined: no conversations key
    let imageProblem: RecordProblem | null = null;
    this.members(i, (keyStart, keyEnd, v) => {
      if (this.keyIs(keyStart, keyEnd, ID)) {
        idProblem = this.idProblem(v);
        return this.skip(v);
      }
      if (this.keyIs(keyStart, keyEnd, CONVERSATIONS)) {
        const [problem, after] = this.conversations(v);
        turnsProblem = problem;
        return after;
      }
      if (this.keyIs(keyStart, keyEnd, IMAGE)) {
        const [problem, after] = this.image(v);
        imageProblem = problem;
        return after;
      }
      this.noEscapeIn(keyStart, keyEnd);
      return this.skip(v);
    });
    // The order of llavaRecordProblem's checks, whatever the order of the keys.
    if (idProblem !== null) return idProblem;
    if (turnsProblem === undefined) return missingConversations();
    return turnsProblem ?? imageProblem;
  }

  /** Any scalar is an id; null, a list or an object is not. */
  private idProblem(v: number): RecordProblem | null {
    const c = this.b[v];
    if (c !== OPEN_OBJECT && c !== OPEN_LIST && c !== 110 /* n: null */) return null;
    return { field: "id", problem: `expected a string or a number, got ${this.kindAt(v)}` };
  }

  /** The problem of a `conversations` value at `v`, and where the value ends. */
  private conversations(v: number): [RecordProblem | null, number] {
    if (this.b[v] !== OPEN_LIST) {
      const kind = this.kindAt(v);
      return [
        { field: "conversations", problem: `expected a list of turns, got ${kind}` },
        this.skip(v),
      ];
    }
    const inside = this.ws(v + 1);
    if (this.b[inside] === CLOSE_LIST)
      return [{ field: "conversations", problem: "empty: no turn to train on" }, inside + 1];
    this.opened = false;
    this.answers = 0;
    this.imageTags = 0;
    let first: RecordProblem | null = null;
    const after = this.elements(v, (k, t) => {
      // After the first problem the rest is only skipped, to find the list's end.
      if (first !== null) return this.skip(t);
      const [problem, next] = this.turn(k, t);
      first = problem;
      return next;
    });
    if (first === null && this.answers === 0)
      first = { field: "conversations", problem: 'no "gpt" turn: nothing to train on' };
    return [first, after];
  }

  /** The problem of turn `k` at `t`, and where it ends; counts openers and answers. */
  private turn(k: number, t: number): [RecordProblem | null, number] {
    const kind = this.kindAt(t);
    if (kind !== "an object")
      return [
        { field: `conversations[${k}]`, problem: `expected a {from, value} turn, got ${kind}` },
        this.skip(t),
      ];
    let from = -1;
    let value = -1;
    // A PyFloat turn has no keys: `from` stays absent.
    const after =
      this.b[t] !== OPEN_OBJECT
        ? this.skip(t)
        : this.members(t, (keyStart, keyEnd, v) => {
            if (this.keyIs(keyStart, keyEnd, FROM)) from = v;
            else if (this.keyIs(keyStart, keyEnd, VALUE)) value = v;
            else this.noEscapeIn(keyStart, keyEnd);
            return this.skip(v);
          });
    const fromKind = from < 0 ? ABSENT : this.kindAt(from);
    if (fromKind !== "a string")
      return [
        { field: `conversations[${k}].from`, problem: `expected a string, got ${fromKind}` },
        after,
      ];
    const valueKind = value < 0 ? ABSENT : this.kindAt(value);
    if (valueKind !== "a string")
      return [
        { field: `conversations[${k}].value`, problem: `expected a string, got ${valueKind}` },
        after,
      ];
    const role = this.role(from);
    if (!this.opened && role !== "system") {
      if (role !== "human") {
        const problem = `the conversation must open with a "human" turn, got ${JSON.stringify(role)}`;
        return [{ field: `conversations[${k}].from`, problem }, after];
      }
      this.opened = true;
    }
    if (role === "gpt") this.answers++;
    if (this.countTags) this.imageTags += this.tagsIn(value);
    return [null, after];
  }

  /** The problem of an `image` value at `v` (a path, a list of paths or null), and its end. */
  private image(v: number): [RecordProblem | null, number] {
    const c = this.b[v];
    this.images = c === QUOTE ? 1 : 0;
    if (c === QUOTE || c === 110 /* n: null */) return [null, this.skip(v)];
    if (c !== OPEN_LIST)
      return [
        { field: "image", problem: `expected a path string, got ${this.kindAt(v)}` },
        this.skip(v),
      ];
    let first: RecordProblem | null = null;
    const after = this.elements(v, (k, p) => {
      if (first === null && this.b[p] !== QUOTE)
        first = { field: `image[${k}]`, problem: `expected a path string, got ${this.kindAt(p)}` };
      this.images = k + 1;
      return this.skip(p);
    });
    return [first, after];
  }

  /** `<image>` tags in the string at `q`, as split("<image>") counts them in the decoded text. */
  private tagsIn(q: number): number {
    const close = this.stringEnd(q) - 1;
    // A view of this string only: a search of the whole buffer could run far past it.
    const text = this.b.subarray(q + 1, close);
    if (text.indexOf(BACKSLASH) >= 0) {
      const decoded: string = JSON.parse(this.b.toString("utf8", q, close + 1));
      return decoded.split("<image>").length - 1;
    }
    let n = 0;
    for (let k = text.indexOf(IMAGE_TAG); k >= 0; k = text.indexOf(IMAGE_TAG, k + IMAGE_TAG.length))
      n++;
    return n;
  }

  /** The `from` string at `q` (its opening quote) as the parse decodes it. */
  private role(q: number): string {
    const close = this.stringEnd(q) - 1;
    // The usual roles are compared as bytes: no string is made for them.
    if (this.keyIs(q + 1, close, HUMAN)) return "human";
    if (this.keyIs(q + 1, close, GPT)) return "gpt";
    if (this.keyIs(q + 1, close, SYSTEM)) return "system";
    const text = this.b.toString("utf8", q, close + 1);
    // JSON.parse decodes a JSON string's escapes exactly as Python's json does.
    return this.hasBackslash(q + 1, close) ? JSON.parse(text) : text.slice(1, -1);
  }

  /**
   * Walks the object at `o`: calls `member` with each key's raw bytes (inside the quotes)
   * and its value's position; `member` returns where the value ends. Returns the object's end.
   */
  private members(
    o: number,
    member: (keyStart: number, keyEnd: number, v: number) => number,
  ): number {
    const b = this.b;
    let i = this.ws(o + 1);
    if (b[i] === CLOSE_OBJECT) return i + 1;
    for (;;) {
      const keyEnd = this.stringEnd(i) - 1;
      const v = this.ws(this.ws(keyEnd + 1) + 1); // past the colon
      i = this.ws(member(i + 1, keyEnd, v));
      if (b[i] === CLOSE_OBJECT) return i + 1;
      i = this.ws(this.inside(i) + 1); // past the comma
    }
  }

  /** Walks the list at `l`: `element(k, position)` returns where element k ends. Returns the list's end. */
  private elements(l: number, element: (k: number, e: number) => number): number {
    const b = this.b;
    let i = this.ws(l + 1);
    if (b[i] === CLOSE_LIST) return i + 1;
    for (let k = 0; ; k++) {
      i = this.ws(element(k, i));
      if (b[i] === CLOSE_LIST) return i + 1;
      i = this.ws(this.inside(i) + 1); // past the comma
    }
  }

  /** kindOf (check-llava-record.ts) of the value at `v`, as parsePythonJson would type it. */
  private kindAt(v: number): string {
    const c = this.b[v];
    if (c === QUOTE) return "a string";
    if (c === OPEN_OBJECT) return "an object";
    if (c === OPEN_LIST) return "an array";
    if (c === 110) return "null";
    if (c === 116 || c === 102) return "a boolean"; // true, false
    return numberKind(this.b.toString("latin1", v, this.skip(v)));
  }

  /** Where the value at `v` ends. */
  private skip(v: number): number {
    const c = this.b[v];
    if (c === QUOTE) return this.stringEnd(v);
    if (c === OPEN_OBJECT || c === OPEN_LIST) return this.containerEnd(v);
    return this.scalarEnd(v);
  }

  /** Where the string opened at `q` ends (past its closing quote): the first unescaped quote. */
  private stringEnd(q: number): number {
    const b = this.b;
    let i = q + 1;
    // Keys and roles end within a few bytes: a plain loop is cheaper than a call to memchr.
    const probeEnd = Math.min(i + 16, this.end);
    for (; i < probeEnd; i++) {
      const c = b[i];
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) break;
    }
    for (;;) {
      const close = this.inside(b.indexOf(QUOTE, i));
      // An even run of backslashes before it: the quote is not escaped.
      let k = close - 1;
      while (b[k] === BACKSLASH) k--;
      if (((close - 1 - k) & 1) === 0) return close + 1;
      i = close + 1;
    }
  }

  /** Where the list or object opened at `o` ends: brackets counted outside strings. */
  private containerEnd(o: number): number {
    const b = this.b;
    let depth = 0;
    let i = o;
    for (;;) {
      const c = b[this.inside(i)];
      if (c === QUOTE) {
        i = this.stringEnd(i);
        continue;
      }
      if (c === OPEN_LIST || c === OPEN_OBJECT) depth++;
      else if ((c === CLOSE_LIST || c === CLOSE_OBJECT) && --depth === 0) return i + 1;
      i++;
    }
  }

  /** Where a number or literal ends: at the delimiter after it, or the value's end. */
  private scalarEnd(v: number): number {
    const b = this.b;
    let i = v;
    while (i < this.end) {
      const c = b[i];
      if (c === COMMA || c === CLOSE_LIST || c === CLOSE_OBJECT || isWs(c)) break;
      i++;
    }
    return i;
  }

  /** `i` when it is inside the value; never otherwise when the bytes are valid JSON. */
  private inside(i: number): number {
    if (i < 0 || i >= this.end) throw NEEDS_PARSE;
    return i;
  }

  private ws(at: number): number {
    let i = at;
    while (i < this.end && isWs(this.b[i])) i++;
    return i;
  }

  private keyIs(start: number, stop: number, name: Buffer): boolean {
    if (stop - start !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (this.b[start + k] !== name[k]) return false;
    return true;
  }

  /** For short strings (keys, roles): indexOf would search past `stop`, maybe far. */
  private hasBackslash(start: number, stop: number): boolean {
    for (let i = start; i < stop; i++) if (this.b[i] === BACKSLASH) return true;
    return false;
  }

  /** A key with an escape may spell `id`, `from`…: such a record is parsed instead. */
  private noEscapeIn(start: number, stop: number): void {
    if (this.hasBackslash(start, stop)) throw NEEDS_PARSE;
  }
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** kindOf of a number lexeme's value: a bigint, a PyFloat ("an object") or a number. */
function numberKind(lexeme: string): string {
  const v = numberFromLexeme(lexeme);
  if (typeof v === "bigint") return "a bigint";
  return typeof v === "number" ? "a number" : "an object";
}
