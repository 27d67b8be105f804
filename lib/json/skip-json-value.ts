/**
 * A validating JSON skipper over bytes: given a buffer and a position, it checks one
 * whole JSON value (strict grammar, as Python's `json.loads` accepts it, plus Python's
 * `NaN` / `Infinity` / `-Infinity`) and returns where the value ends, or NEED_MORE when
 * the buffer ends first. It builds nothing, so the streaming readers can find record
 * boundaries in a 1 GB array at a few hundred MB/s. UTF-8 validity is checked apart
 * (node's native `isUtf8`).
 *
 * The walk runs in the WebAssembly module (wasm/json-scan.c) when it is loaded (see
 * wasm/json-scan-module.ts), else here in JavaScript: this file's walker is the reference
 * and the fallback. A fault the module finds is walked again here, which names the field
 * and words the message, so both implementations fail with the same error.
 */
import { wasmJsonScanner } from "./wasm/json-scan-module";
import { R_TRICKY, WASM_FAULT, WASM_NEED_MORE, skipInModule } from "./wasm/wasm-skip-json-value";

/** Returned when the buffer ends inside the value: read more and try again. */
export const NEED_MORE = -1;

/** A syntax error at a byte position (relative to the buffer given). */
export class JsonSyntaxFault extends Error {
  constructor(
    readonly position: number,
    message: string,
    /** Field path inside the value, e.g. `conversations[1].value`. */
    readonly field: string,
  ) {
    super(message);
  }
}

let buf: Uint8Array = new Uint8Array(0);
let end = 0;
// The path of the current field, kept cheaply: an array index as itself (>= 0), a key as
// -(start + 1) with its end in keyEnds; decoded only when a fault is reported.
const path: number[] = [];
const keyEnds: number[] = [];

/** Key names at the value's top level that the caller wants to know about. */
export interface TopKeyProbe {
  /** The keys, as their raw UTF-8 bytes inside the quotes (plain ASCII names). */
  keys: Uint8Array[];
  /** Set by skipJsonValue: bit i is set when keys[i] appears at the top level. */
  found: number;
  /**
   * For records that are lists of turns (the Video-T3-QA pairs): the number of elements,
   * and for the first 4 elements whether each is an object (objectMask bit), has a string
   * "value" (valueMask bit) and where its string "from" value is (fromStart/fromEnd, -1
   * when absent). Lets a reader check "human, then gpt" without parsing.
   */
  turns?: TurnProbe;
}

export interface TurnProbe {
  count: number;
  objectMask: number;
  valueMask: number;
  fromStart: Int32Array;
  fromEnd: Int32Array;
}

/** A fresh TurnProbe for TopKeyProbe.turns. */
export function newTurnProbe(): TurnProbe {
  return {
    count: 0,
    objectMask: 0,
    valueMask: 0,
    fromStart: new Int32Array(4),
    fromEnd: new Int32Array(4),
  };
}

const FROM = [102, 114, 111, 109];
const VALUE = [118, 97, 108, 117, 101];

function keyIs(start: number, stop: number, word: number[]): boolean {
  if (stop - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (buf[start + k] !== word[k]) return false;
  return true;
}

let probe: TopKeyProbe | null = null;
let tricky = false;

/**
 * True when the last value skipped holds something `JSON.parse` would not keep as Python
 * does: a float lexeme, an int of 16+ digits, NaN / Infinity, or an array-index-like key.
 */
export function lastValueNeedsPythonParse(): boolean {
  return tricky;
}

/**
 * Checks the JSON value starting at `start` (after optional whitespace); returns the
 * position just after it, or NEED_MORE. Throws JsonSyntaxFault on bad JSON.
 */
export function skipJsonValue(
  bytes: Uint8Array,
  start: number,
  limit: number,
  topKeys: TopKeyProbe | null = null,
  structureOnly = false,
): number {
  const m = wasmJsonScanner();
  if (m === null) return skipJsonValueInJs(bytes, start, limit, topKeys, structureOnly);
  const base = m.loadValue(bytes, start, limit);
  const r = skipInModule(m, base, 0, limit - start, topKeys, structureOnly, start);
  return finishModuleWalk(r, start, bytes, start, limit, topKeys, structureOnly);
}

/**
 * skipJsonValue for a scanner walking the records of one chunk: the chunk is copied into
 * the WebAssembly module once, on the first call for it (known by the buffer's identity,
 * so a caller must pass a fresh view when the bytes change), instead of once per record.
 */
export function skipJsonValueInChunk(
  chunk: Uint8Array,
  start: number,
  limit: number,
  topKeys: TopKeyProbe | null = null,
  structureOnly = false,
): number {
  const m = wasmJsonScanner();
  if (m === null) return skipJsonValueInJs(chunk, start, limit, topKeys, structureOnly);
  if (m.loadedChunk !== chunk) m.loadChunk(chunk);
  const r = skipInModule(m, -1, start, limit, topKeys, structureOnly, 0);
  return finishModuleWalk(r, 0, chunk, start, limit, topKeys, structureOnly);
}

/** The module's answer as skipJsonValue gives it; faults and fallbacks walk here again. */
function finishModuleWalk(
  r: number,
  shift: number,
  bytes: Uint8Array,
  start: number,
  limit: number,
  topKeys: TopKeyProbe | null,
  structureOnly: boolean,
): number {
  if (r >= 0) {
    tricky = wasmJsonScanner()!.results[R_TRICKY] !== 0;
    return r + shift;
  }
  if (r === WASM_NEED_MORE) return NEED_MORE;
  // The reference decides: it throws the fault with its field and wording, or finds the
  // value cut by the buffer's end (an escape stage 1 could not see whole).
  const end = skipJsonValueInJs(bytes, start, limit, topKeys, structureOnly);
  if (r === WASM_FAULT && end !== NEED_MORE)
    throw new Error(
      `the WebAssembly JSON scanner found a fault in the value at byte ${start} that the JavaScript one does not (a bug: set T3KIT_JSON_SCANNER=js to go on)`,
    );
  return end;
}

/** skipJsonValue's walk in JavaScript (the reference; the fallback when the module is missing). */
export function skipJsonValueInJs(
  bytes: Uint8Array,
  start: number,
  limit: number,
  topKeys: TopKeyProbe | null = null,
  structureOnly = false,
): number {
  buf = bytes;
  end = limit;
  quick = structureOnly && bytes instanceof Buffer ? bytes : null;
  path.length = 0;
  probe = topKeys;
  if (probe) {
    probe.found = 0;
    const t = probe.turns;
    if (t) {
      t.count = 0;
      t.objectMask = 0;
      t.valueMask = 0;
      t.fromStart.fill(-1);
      t.fromEnd.fill(-1);
    }
  }
  tricky = false;
  try {
    return value(skipWs(start), 0);
  } catch (e) {
    if (e === NEED_MORE_SIGNAL) return NEED_MORE;
    throw e;
  }
}

const NEED_MORE_SIGNAL = { needMore: true };

function fault(posAt: number, message: string): never {
  const pos = posAt;
  const parts: (string | number)[] = path.map((p, k) =>
    p >= 0
      ? p
      : Buffer.from(buf.buffer, buf.byteOffset + (-p - 1), keyEnds[k] - (-p - 1)).toString("utf8"),
  );
  throw new JsonSyntaxFault(pos, message, formatPath(parts));
}

/** `a.b[2].c`: the path of the current field. */
export function formatPath(parts: readonly (string | number)[]): string {
  let s = "";
  for (const p of parts) s += typeof p === "number" ? `[${p}]` : s === "" ? p : `.${p}`;
  return s;
}

function skipWs(iAt: number): number {
  let i = iAt;
  const b = buf;
  const stop = end;
  while (i < stop) {
    const c = b[i];
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
  return i;
}

function value(iAt: number, depth: number): number {
  const i = iAt;
  if (i >= end) throw NEED_MORE_SIGNAL;
  const c = buf[i];
  if (c === 34) return string(i);
  if (c === 123) return object(i, depth);
  if (c === 91) return array(i, depth);
  if (c === 45 || (c >= 48 && c <= 57)) return number(i);
  if (c === 116) return literal(i, "true");
  if (c === 102) return literal(i, "false");
  if (c === 110) return literal(i, "null");
  if (c === 78 || c === 73) tricky = true;
  if (c === 78) return literal(i, "NaN");
  if (c === 73) return literal(i, "Infinity");
  return fault(i, `unexpected ${describeByte(c)}`);
}

function describeByte(c: number): string {
  return c >= 33 && c <= 126 ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16)}`;
}

function literal(iAt: number, word: string): number {
  const i = iAt;
  for (let k = 0; k < word.length; k++) {
    if (i + k >= end) throw NEED_MORE_SIGNAL;
    if (buf[i + k] !== word.charCodeAt(k)) return fault(i, `invalid literal, expected ${word}`);
  }
  return i + word.length;
}

function number(iAt: number): number {
  let i = iAt;
  const start = i;
  if (buf[i] === 45) {
    i++;
    if (i >= end) throw NEED_MORE_SIGNAL;
    if (buf[i] === 73) {
      tricky = true;
      return literal(i, "Infinity");
    }
  }
  if (i >= end) throw NEED_MORE_SIGNAL;
  if (buf[i] === 48) i++;
  else if (buf[i] >= 49 && buf[i] <= 57) while (i < end && buf[i] >= 48 && buf[i] <= 57) i++;
  else return fault(start, "invalid number");
  if (i - start > 15) tricky = true;
  if (i < end && buf[i] === 46) {
    tricky = true;
    i++;
    const d = i;
    while (i < end && buf[i] >= 48 && buf[i] <= 57) i++;
    if (i === d) {
      if (i >= end) throw NEED_MORE_SIGNAL;
      return fault(start, "invalid number: no digit after the point");
    }
  }
  if (i < end && (buf[i] === 101 || buf[i] === 69)) {
    tricky = true;
    i++;
    if (i < end && (buf[i] === 43 || buf[i] === 45)) i++;
    const d = i;
    while (i < end && buf[i] >= 48 && buf[i] <= 57) i++;
    if (i === d) {
      if (i >= end) throw NEED_MORE_SIGNAL;
      return fault(start, "invalid number: no digit in the exponent");
    }
  }
  // A number that touches the end of the buffer may go on in the next chunk.
  if (i >= end) throw NEED_MORE_SIGNAL;
  return i;
}

/**
 * Set for a structure-only skip: strings are then found with memchr (the closing quote,
 * backslash parity) without checking their escapes and control characters, several
 * times faster on long strings. Everything outside strings is still checked.
 */
let quick: Buffer | null = null;

function quickString(b: Buffer, iAt: number): number {
  let i = iAt + 1;
  const stop = end;
  const probeEnd = Math.min(i + 24, stop);
  while (i < probeEnd) {
    const c = b[i];
    if (c === 34) return i + 1;
    if (c === 92) break;
    i++;
  }
  for (;;) {
    const q = b.indexOf(34, i);
    if (q < 0 || q >= stop) throw NEED_MORE_SIGNAL;
    let k = q - 1;
    while (b[k] === 92) k--;
    if (((q - 1 - k) & 1) === 0) return q + 1; // an even run of backslashes: not escaped
    i = q + 1;
  }
}

/**
 * The bytes of `buf`'s whole ArrayBuffer as 32-bit words, so that a long string is
 * checked four bytes per step (SWAR): a word passes when none of its bytes is `"`, `\`
 * or below 0x20. The test has no false negatives; a word that fails is looked at byte
 * by byte, which finds the exact position. About twice as fast as a byte loop on the
 * long strings of a LLaVA file.
 */
let words: Int32Array = new Int32Array(0);
// The view is made once per buffer given (a batch's chunk): `.buffer` is a slow getter.
let wordsOf: Uint8Array | null = null;
let wordsBase = 0;

function wordsFor(b: Uint8Array): Int32Array {
  if (b !== wordsOf) {
    wordsOf = b;
    wordsBase = b.byteOffset;
    const ab = b.buffer;
    words = new Int32Array(ab, 0, ab.byteLength >> 2);
  }
  return words;
}

const HIGH_BITS = 0x80808080 | 0;

function string(iAt: number): number {
  if (quick !== null) return quickString(quick, iAt);
  let i = iAt + 1;
  const b = buf;
  const stop = end;
  // Keys and short values end within a few bytes: a plain loop is cheapest for them.
  const probeEnd = i + 16 < stop ? i + 16 : stop;
  while (i < probeEnd) {
    const c = b[i];
    if (c === 34) return i + 1;
    if (c === 92 || c < 32) break;
    i++;
  }
  const w32 = wordsFor(b);
  const base = wordsBase;
  for (;;) {
    // Whole words of plain bytes (from an aligned position), then byte by byte.
    let at = base + i;
    if (stop - i >= 8) {
      while ((at & 3) !== 0) {
        const c = b[at - base];
        if (c === 34 || c === 92 || c < 32) break;
        at++;
      }
      if ((at & 3) === 0) {
        const last = Math.min((base + stop - 4) >> 2, w32.length - 1);
        let k = at >> 2;
        while (k <= last) {
          const w = w32[k];
          const q = w ^ 0x22222222;
          const s = w ^ 0x5c5c5c5c;
          if (
            (((w - 0x20202020) & ~w) | ((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s)) &
            HIGH_BITS
          )
            break;
          k++;
        }
        at = k << 2;
      }
      i = at - base;
    }
    // The common case first: a run of plain bytes, with locals only.
    let c = 0;
    while (i < stop) {
      c = b[i];
      if (c === 34 || c === 92 || c < 32) break;
      i++;
    }
    if (i >= stop) throw NEED_MORE_SIGNAL;
    if (c === 34) return i + 1;
    if (c === 92) {
      if (i + 1 >= end) throw NEED_MORE_SIGNAL;
      const e = b[i + 1];
      if (e === 117) {
        if (i + 6 > end) throw NEED_MORE_SIGNAL;
        for (let k = i + 2; k < i + 6; k++) if (!isHex(b[k])) fault(i, "invalid \\u escape");
        i += 6;
      } else if (
        e === 34 ||
        e === 92 ||
        e === 47 ||
        e === 98 ||
        e === 102 ||
        e === 110 ||
        e === 114 ||
        e === 116
      ) {
        i += 2;
      } else {
        fault(i, "invalid escape");
      }
    } else if (c < 32) {
      fault(i, "control character in a string (Python's json rejects it)");
    } else {
      i++;
    }
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function matchesKey(start: number, stop: number, key: Uint8Array): boolean {
  if (stop - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (buf[start + k] !== key[k]) return false;
  return true;
}

function object(iAt: number, depth: number): number {
  let i = iAt;
  const turns = depth === 1 && probe !== null ? probe.turns : undefined;
  const element = turns !== undefined && path.length === 1 && path[0] < 4 ? path[0] : -1;
  if (element >= 0) turns!.objectMask |= 1 << element;
  i = skipWs(i + 1);
  if (i >= end) throw NEED_MORE_SIGNAL;
  if (buf[i] === 125) return i + 1;
  for (;;) {
    if (i >= end) throw NEED_MORE_SIGNAL;
    if (buf[i] !== 34) return fault(i, `expected a key in quotes, got ${describeByte(buf[i])}`);
    const keyStart = i;
    i = string(i);
    const k0 = buf[keyStart + 1];
    if (k0 >= 48 && k0 <= 57) tricky = true;
    if (depth === 0 && probe !== null) {
      const keys = probe.keys;
      for (let k = 0; k < keys.length; k++) {
        if (matchesKey(keyStart + 1, i - 1, keys[k])) probe.found |= 1 << k;
      }
    }
    keyEnds[path.length] = i - 1;
    path.push(-(keyStart + 1) - 1);
    i = skipWs(i);
    if (i >= end) throw NEED_MORE_SIGNAL;
    if (buf[i] !== 58) return fault(i, `expected ":" after a key, got ${describeByte(buf[i])}`);
    const valueStart = skipWs(i + 1);
    i = value(valueStart, depth + 1);
    path.pop();
    if (element >= 0 && buf[valueStart] === 34) {
      if (keyIs(keyStart + 1, keyEnds[path.length], FROM)) {
        turns!.fromStart[element] = valueStart + 1;
        turns!.fromEnd[element] = i - 1;
      } else if (keyIs(keyStart + 1, keyEnds[path.length], VALUE)) {
        turns!.valueMask |= 1 << element;
      }
    }
    i = skipWs(i);
    if (i >= end) throw NEED_MORE_SIGNAL;
    const c = buf[i];
    if (c === 125) return i + 1;
    if (c !== 44) return fault(i, `expected "," or "}" in an object, got ${describeByte(c)}`);
    i = skipWs(i + 1);
  }
}

function array(iAt: number, depth: number): number {
  let i = iAt;
  i = skipWs(i + 1);
  if (i >= end) throw NEED_MORE_SIGNAL;
  if (buf[i] === 93) return i + 1;
  for (let n = 0; ; n++) {
    path.push(n);
    i = value(i, depth + 1);
    path.pop();
    i = skipWs(i);
    if (i >= end) throw NEED_MORE_SIGNAL;
    const c = buf[i];
    if (c === 93) {
      if (depth === 0 && probe?.turns) probe.turns.count = n + 1;
      return i + 1;
    }
    if (c !== 44) return fault(i, `expected "," or "]" in a list, got ${describeByte(c)}`);
    i = skipWs(i + 1);
  }
}
