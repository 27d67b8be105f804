/**
 * Re-emits one JSON value's source bytes in the exact layout of Python's `json.dump`
 * (indent=4 or one line, ensure_ascii) without building objects: whitespace is dropped
 * and re-made, strings are copied when they are printable ASCII and re-escaped otherwise
 * (`\/` → `/`, `\u0041` → `A`, `\u00E9` → `\u00e9`, raw UTF-8 → `\uXXXX`, astral → a
 * surrogate pair), float lexemes become `repr(float)`, `-0` becomes `0`. This is how the
 * mixer writes a million records several times faster than parse-then-dump would.
 *
 * The input must be valid JSON (the scanners validate it first). A repeated key inside an
 * object throws `RepeatedKey`: the caller then parses the record with Python's rule
 * (last value at the first position) and writes it with the generic writer.
 *
 * The walk runs in the WebAssembly module (wasm/json-scan.c, 16 bytes a step through
 * plain string bytes) when it is loaded, else here: this file's walker is the reference
 * and the fallback (also for what the module hands back: nesting past 512 levels,
 * separators longer than three bytes).
 */
import { isAscii } from "node:buffer";
import type { ByteBuilder } from "./byte-builder";
import { formatPythonFloat } from "./python-float-repr";
import { JsonSyntaxFault } from "./skip-json-value";
import { type JsonScanModule, wasmJsonScanner } from "./wasm/json-scan-module";
import {
  R_END,
  R_FAULT_AT,
  WASM_FALLBACK,
  WASM_FAULT,
  WASM_REPEATED_KEY,
} from "./wasm/wasm-skip-json-value";

/** The layout to emit: Python's `indent` and `separators`. */
export interface ReindentLayout {
  /** Spaces per level, or null for one line. */
  indent: number | null;
  /** Item separator: "," with an indent, ", " (Python's default) or "," (compact) without. */
  itemSeparator: string;
  /** Key separator: ": " (Python's default) or ":" (compact). */
  keySeparator: string;
}

/** Python's `json.dump(obj, f, indent=4)`. */
export const PYTHON_INDENT_4: ReindentLayout = {
  indent: 4,
  itemSeparator: ",",
  keySeparator: ": ",
};
/** Python's `json.dumps(obj)` (one line, ", " and ": "), as JSONL writers use it. */
export const PYTHON_ONE_LINE: ReindentLayout = {
  indent: null,
  itemSeparator: ", ",
  keySeparator: ": ",
};
/** Python's `json.dumps(obj, separators=(",", ":"))`. */
export const PYTHON_COMPACT: ReindentLayout = {
  indent: null,
  itemSeparator: ",",
  keySeparator: ":",
};

/** Thrown when an object repeats a key: the fast path cannot apply Python's dict rule. */
export class RepeatedKey extends Error {}

const HEX = "0123456789abcdef";

let src: Uint8Array = new Uint8Array(0);
let out: ByteBuilder;
let indent = 0;
let oneLine = true;
let itemSep: Uint8Array = new Uint8Array(0);
let keySep: Uint8Array = new Uint8Array(0);

const CONTROL_CHARACTER = "control character in a string (Python's json rejects it)";

/**
 * Appends to `target` the value at `bytes[start..]` laid out as Python would write it at
 * nesting `level` (its first line unindented, the caller has placed it). Returns the
 * position after the value. `end`, when known, is where the value's bytes end.
 */
export function reindentPythonJson(
  bytes: Uint8Array,
  start: number,
  target: ByteBuilder,
  level: number,
  layout: ReindentLayout = PYTHON_INDENT_4,
  end = -1,
): number {
  const m = wasmJsonScanner();
  if (m !== null) {
    const after = reindentInModule(m, bytes, start, target, level, layout, end);
    if (after >= 0) return after;
  }
  return reindentPythonJsonInJs(bytes, start, target, level, layout, end);
}

/** Separators packed as json-scan.c's reindent takes them, per layout (null: not packable). */
const packedLayouts = new WeakMap<ReindentLayout, [number, number, number] | null>();

function packedLayout(layout: ReindentLayout): [number, number, number] | null {
  let packed = packedLayouts.get(layout);
  if (packed === undefined) {
    const pack = (sep: string): number => {
      if (sep.length > 3) return -1;
      let word = sep.length;
      for (let k = 0; k < sep.length; k++) {
        if (sep.charCodeAt(k) > 0xff) return -1;
        word |= sep.charCodeAt(k) << (8 * (k + 1));
      }
      return word >>> 0;
    };
    const item = pack(layout.itemSeparator);
    const key = pack(layout.keySeparator);
    packed = item < 0 || key < 0 ? null : [layout.indent ?? -1, item, key];
    packedLayouts.set(layout, packed);
  }
  return packed;
}

/** The walk in the module: the position after the value, or -1 to walk in JavaScript. */
function reindentInModule(
  m: JsonScanModule,
  bytes: Uint8Array,
  start: number,
  target: ByteBuilder,
  level: number,
  layout: ReindentLayout,
  end: number,
): number {
  const packed = packedLayout(layout);
  if (packed === null) return -1;
  const stop = end < 0 ? bytes.length : end;
  const base = m.loadValue(bytes, start, stop);
  const n = m.exports.reindent(base, 0, stop - start, level, m.outBase, ...packed);
  m.refresh(); // the output may have grown the memory
  if (n !== WASM_FALLBACK) m.walks++;
  if (n >= 0) {
    target.pushBytes(m.bytes, m.outBase, m.outBase + n);
    return start + m.results[R_END];
  }
  if (n === WASM_REPEATED_KEY) throw new RepeatedKey();
  if (n === WASM_FAULT)
    throw new JsonSyntaxFault(start + m.results[R_FAULT_AT], CONTROL_CHARACTER, "");
  return -1;
}

/** reindentPythonJson's walk in JavaScript (the reference; the fallback). */
export function reindentPythonJsonInJs(
  bytes: Uint8Array,
  start: number,
  target: ByteBuilder,
  level: number,
  layout: ReindentLayout = PYTHON_INDENT_4,
  end = -1,
): number {
  src = bytes;
  out = target;
  keyTop = 0;
  if (layout !== lastLayout) {
    lastLayout = layout;
    oneLine = layout.indent === null;
    indent = layout.indent ?? 0;
    itemSep = Buffer.from(layout.itemSeparator, "latin1");
    keySep = Buffer.from(layout.keySeparator, "latin1");
  }
  // With the value's end known and a Buffer: if the value is all printable ASCII (and
  // valid, as the scanners made sure), strings can be found and copied natively.
  fast = false;
  if (end > start && bytes instanceof Buffer) {
    srcBuf = bytes;
    // Searches run on a view of this value only, never into the rest of the chunk. A plain
    // Uint8Array view: half the cost of Buffer.subarray's (60 against 110 ns a record).
    if (bytes !== viewOf) {
      viewOf = bytes;
      viewMemory = bytes.buffer;
    }
    view = new Uint8Array(viewMemory, bytes.byteOffset + start, end - start);
    viewStart = start;
    fast = isAscii(view) && indexOfByte.call(view, 0x7f, 0) < 0;
    nextBackslash = UNKNOWN;
  }
  return value(ws(start), level);
}

let lastLayout: ReindentLayout | null = null;
let fast = false;
let srcBuf: Buffer = Buffer.alloc(0);
/** The next backslash at or after the current position, -1 when none is left, or UNKNOWN. */
let nextBackslash = -1;
const UNKNOWN = -2;
let view: Uint8Array = new Uint8Array(0);
let viewStart = 0;
// `.buffer` is a slow getter: read once per source buffer.
let viewOf: Uint8Array | null = null;
let viewMemory: ArrayBufferLike = new ArrayBuffer(0);
// Buffer's indexOf is memchr; it takes a plain Uint8Array too.
const indexOfByte = Buffer.prototype.indexOf as (
  this: Uint8Array,
  byte: number,
  from: number,
) => number;

/** Position of the next `byte` at or after `from` inside the value, or -1. */
function find(byte: number, from: number): number {
  const k = indexOfByte.call(view, byte, from - viewStart);
  return k < 0 ? -1 : k + viewStart;
}

/**
 * A string of an all-ASCII value. Plain stretches are found with memchr (the quote, the
 * next backslash) and copied in one piece; escapes are walked in JS and copied as they
 * are when Python writes them the same way (`\n`, `\"`, `\u4e2d`: canonicalEscapeLength),
 * so a string of `\uXXXX` escapes (CJK written with ensure_ascii) is one copy instead of
 * one memchr pair and one copy per escape. Measured on the 200k records of the bench's
 * escape-heavy LLaVA file (best of 10 in one process, alternating): 1.07 s before,
 * 0.96 s after; no change on mostly-ASCII text (the machine's noise is about 10%).
 */
function fastString(iAt: number): number {
  const b = srcBuf;
  let i = iAt + 1;
  // Short strings (keys, "human", "gpt"): a plain loop is cheaper than a native call.
  const probeEnd = i + 16;
  while (i < probeEnd) {
    const c = b[i];
    if (c === 34) {
      out.pushBytes(b, iAt, i + 1);
      return i + 1;
    }
    if (c === 92) break;
    i++;
  }
  let run = iAt; // start of the source bytes still to copy as they are
  for (;;) {
    if (b[i] !== 92) {
      // A plain stretch: memchr for where it ends.
      if (nextBackslash === UNKNOWN) nextBackslash = find(92, i);
      const q = find(34, i);
      if (nextBackslash < 0 || nextBackslash > q) {
        out.pushBytes(b, run, q + 1);
        return q + 1;
      }
      i = nextBackslash;
    }
    // Escapes, and the short plain runs between them, byte by byte.
    let plain = 0;
    for (;;) {
      const c = b[i];
      if (c === 92) {
        const keep = canonicalEscapeLength(b, i);
        if (keep > 0) {
          i += keep;
        } else {
          out.pushBytes(b, run, i);
          i = rewriteEscape(b, i);
          run = i;
        }
        plain = 0;
      } else if (c === 34) {
        out.pushBytes(b, run, i + 1);
        nextBackslash = UNKNOWN;
        return i + 1;
      } else {
        i++;
        // A long plain stretch again: back to memchr.
        if (++plain === 64) break;
      }
    }
    nextBackslash = UNKNOWN;
  }
}

function ws(iAt: number): number {
  let i = iAt;
  for (;;) {
    const c = src[i];
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

function newline(level: number): void {
  if (oneLine) return;
  // Written here rather than through ByteBuilder.pushNewlineIndent: a call less on the
  // most frequent output (a LLaVA record has one newline per 30-40 bytes).
  const spaces = level * indent;
  if (out.length + spaces + 1 > out.bytes.length) out.reserve(spaces + 1);
  const b = out.bytes;
  let p = out.length;
  b[p++] = 10;
  for (let k = 0; k < spaces; k++) b[p++] = 32;
  out.length = p;
}

function sep(bytes: Uint8Array): void {
  out.pushBytes(bytes, 0, bytes.length);
}

/** The item separator, then the next item's line. */
function nextItem(level: number): void {
  sep(itemSep);
  newline(level);
}

function value(iAt: number, level: number): number {
  const i = iAt;
  const c = src[i];
  if (c === 34) return fast ? fastString(i) : string(i);
  if (c === 123) return object(i, level);
  if (c === 91) return array(i, level);
  if (c === 45 || (c >= 48 && c <= 57)) return number(i);
  // true, false, null, NaN, Infinity: copied as they are.
  let j = i;
  while (j < src.length && (src[j] | 32) >= 97 && (src[j] | 32) <= 122) j++;
  out.pushBytes(src, i, j);
  return j;
}

function number(iAt: number): number {
  let i = iAt;
  const start = i;
  let float = false;
  if (src[i] === 45) {
    i++;
    if (src[i] === 73) {
      out.pushAscii("-Infinity");
      return i + 8;
    }
  }
  for (;;) {
    const c = src[i];
    if (c >= 48 && c <= 57) i++;
    else if (c === 46 || c === 101 || c === 69 || c === 43 || c === 45) {
      float = true;
      i++;
    } else break;
  }
  if (float) {
    out.pushAscii(
      formatPythonFloat(
        Number(Buffer.from(src.buffer, src.byteOffset + start, i - start).toString("latin1")),
      ),
    );
  } else if (i - start === 2 && src[start] === 45 && src[start + 1] === 48) {
    out.pushByte(48); // Python's int("-0") is 0
  } else {
    out.pushBytes(src, start, i);
  }
  return i;
}

function pushEscape(code: number): void {
  out.reserve(6);
  const b = out.bytes;
  let p = out.length;
  b[p++] = 92;
  b[p++] = 117;
  b[p++] = HEX.charCodeAt((code >> 12) & 15);
  b[p++] = HEX.charCodeAt((code >> 8) & 15);
  b[p++] = HEX.charCodeAt((code >> 4) & 15);
  b[p++] = HEX.charCodeAt(code & 15);
  out.length = p;
}

function pushCodeUnit(code: number): void {
  // One UTF-16 code unit, escaped as Python's ensure_ascii would.
  if (code >= 0x20 && code <= 0x7e) {
    if (code === 34 || code === 92) {
      out.pushByte(92);
    }
    out.pushByte(code);
    return;
  }
  switch (code) {
    case 10:
      out.pushByte(92);
      out.pushByte(110);
      return;
    case 13:
      out.pushByte(92);
      out.pushByte(114);
      return;
    case 9:
      out.pushByte(92);
      out.pushByte(116);
      return;
    case 8:
      out.pushByte(92);
      out.pushByte(98);
      return;
    case 12:
      out.pushByte(92);
      out.pushByte(102);
      return;
  }
  pushEscape(code);
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** A hex digit as Python writes it: 0-9, a-f. */
function isLowerHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

/**
 * The length of the escape at `b[i]` (a backslash) when Python's ensure_ascii writes the
 * same bytes for the character it stands for (copy it as it is), else 0 (rewrite it).
 * Kept: `\" \\ \b \f \n \r \t`, and `\uXXXX` in lowercase hex for a character that is
 * not printable ASCII and has no short name. Rewritten: `\/`, uppercase hex, `\u0041`,
 * `\u000a`.
 */
function canonicalEscapeLength(b: Uint8Array, i: number): number {
  const e = b[i + 1];
  if (e !== 117) return e === 47 ? 0 : 2;
  if (!isLowerHex(b[i + 2]) || !isLowerHex(b[i + 3])) return 0;
  if (!isLowerHex(b[i + 4]) || !isLowerHex(b[i + 5])) return 0;
  if (b[i + 2] !== 48 || b[i + 3] !== 48) return 6; // >= U+0100
  const low = (hexValue(b[i + 4]) << 4) | hexValue(b[i + 5]);
  if (low >= 0x20 && low <= 0x7e) return 0;
  return low === 8 || low === 9 || low === 10 || low === 12 || low === 13 ? 0 : 6;
}

/** Writes the escape at `b[i]` as Python would; returns the position after it. */
function rewriteEscape(b: Uint8Array, i: number): number {
  const e = b[i + 1];
  if (e === 117) {
    pushCodeUnit(
      (hexValue(b[i + 2]) << 12) |
        (hexValue(b[i + 3]) << 8) |
        (hexValue(b[i + 4]) << 4) |
        hexValue(b[i + 5]),
    );
    return i + 6;
  }
  if (e === 47)
    out.pushByte(47); // "\/" is just "/"
  else out.pushBytes(b, i, i + 2);
  return i + 2;
}

/**
 * A string of a value that holds non-ASCII bytes (or whose end is unknown): printable
 * ASCII and escapes Python keeps are copied in runs, raw UTF-8 becomes `\uXXXX`.
 */
function string(iAt: number): number {
  let i = iAt + 1;
  const b = src;
  let run = iAt;
  for (;;) {
    const c = b[i];
    if (c >= 0x20 && c <= 0x7e && c !== 34 && c !== 92) {
      i++;
      continue;
    }
    if (c === 34) {
      out.pushBytes(b, run, i + 1);
      return i + 1;
    }
    if (c === 92) {
      const keep = canonicalEscapeLength(b, i);
      if (keep > 0) {
        i += keep;
        continue;
      }
      out.pushBytes(b, run, i);
      i = rewriteEscape(b, i);
    } else if (c < 0x20) {
      // Python's json.load refuses raw control characters in strings; so do we.
      throw new JsonSyntaxFault(i, CONTROL_CHARACTER, "");
    } else {
      out.pushBytes(b, run, i);
      i = escapeRawCharacter(b, i);
    }
    run = i;
  }
}

/** U+007F or one raw UTF-8 character at `b[i]`, escaped; returns the position after it. */
function escapeRawCharacter(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) {
    pushEscape(c); // U+007F
    return i + 1;
  }
  if (c < 0xe0) {
    pushEscape(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
    return i + 2;
  }
  if (c < 0xf0) {
    pushEscape(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
    return i + 3;
  }
  const cp =
    ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
  const v = cp - 0x10000;
  pushEscape(0xd800 | (v >> 10));
  pushEscape(0xdc00 | (v & 0x3ff));
  return i + 4;
}

function array(iAt: number, level: number): number {
  let i = iAt;
  i = ws(i + 1);
  if (src[i] === 93) {
    out.pushByte(91);
    out.pushByte(93);
    return i + 1;
  }
  out.pushByte(91);
  newline(level + 1);
  for (;;) {
    i = ws(value(i, level + 1));
    if (src[i] === 93) {
      newline(level);
      out.pushByte(93);
      return i + 1;
    }
    nextItem(level + 1);
    i = ws(i + 1);
  }
}

/**
 * Key ranges (in `out`) of the objects being written, innermost last: a reused stack,
 * not an array per object (that allocation was 8% of a LLaVA record's time).
 */
let keyStack = new Int32Array(256);
let keyTop = 0;

function pushKey(k0: number, k1: number): void {
  if (keyTop + 2 > keyStack.length) {
    const grown = new Int32Array(keyStack.length * 2);
    grown.set(keyStack);
    keyStack = grown;
  }
  keyStack[keyTop++] = k0;
  keyStack[keyTop++] = k1;
}

function object(iAt: number, level: number): number {
  let i = iAt;
  i = ws(i + 1);
  if (src[i] === 125) {
    out.pushByte(123);
    out.pushByte(125);
    return i + 1;
  }
  out.pushByte(123);
  newline(level + 1);
  // Emitted keys are canonical, so equal bytes = equal keys.
  const base = keyTop;
  for (;;) {
    const k0 = out.length;
    i = ws(fast ? fastString(i) : string(i));
    const k1 = out.length;
    for (let k = base; k < keyTop; k += 2) {
      if (sameBytes(keyStack[k], keyStack[k + 1], k0, k1)) throw new RepeatedKey();
    }
    pushKey(k0, k1);
    sep(keySep);
    i = ws(value(ws(i + 1), level + 1)); // i + 1 skips the ":"
    if (src[i] === 125) {
      keyTop = base;
      newline(level);
      out.pushByte(125);
      return i + 1;
    }
    nextItem(level + 1);
    i = ws(i + 1);
  }
}

function sameBytes(a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  const b = out.bytes;
  for (let k = 0; k < a1 - a0; k++) if (b[a0 + k] !== b[b0 + k]) return false;
  return true;
}
