import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { InputError } from "../errors/index";
/**
 * Finds the records of a JSON array file or a JSONL file without holding the file: it
 * reads 4 MiB chunks, validates each record (strict JSON, UTF-8) and reports its bytes
 * and file offset to a callback, in order. A record cut by a chunk end is carried into
 * the next chunk, so one record may be of any size; a 1.6 GB array never becomes one
 * string (V8 strings stop at about 512 MiB). Scans about 300-500 MB/s.
 *
 * Errors are InputErrors naming the file, the record index (array) or line (JSONL),
 * and the field path where the JSON went wrong.
 */
import { declareInputs, firstInvalidUtf8, lineOfByte } from "../files/index";
import type { OnProgress } from "../progress/index";
import {
  JsonSyntaxFault,
  NEED_MORE,
  type TopKeyProbe,
  type TurnProbe,
  lastValueNeedsPythonParse,
  newTurnProbe,
  skipJsonValue,
  skipJsonValueInChunk,
} from "./skip-json-value";

/** One record as found in the file. `bytes` is a view valid only during the callback. */
export interface RecordSpan {
  /** 0-based position of the record in the array, or among the JSONL's non-blank lines. */
  index: number;
  /** 1-based line of a JSONL record; undefined for arrays. */
  line?: number;
  bytes: Uint8Array;
  start: number;
  end: number;
  /** Offset of bytes[start] in the file. */
  fileOffset: number;
  /** Bit i set when options.topKeys[i] is a key of the record's top-level object. */
  topKeys: number;
  /** True when JSON.parse would lose something Python keeps (see lastValueNeedsPythonParse). */
  needsPythonParse: boolean;
  /** With options.turns: the record's shape as a list of turns (see TurnProbe). */
  turns?: TurnSummary;
}

/** A record seen as a list of `{from, value}` turns, without parsing it. */
export interface TurnSummary {
  /** Number of elements when the record is a list (0 otherwise). */
  count: number;
  /** For the first 4 elements: the raw `from` string (undefined when absent or not a string). */
  from: (string | undefined)[];
  /** Bit k: element k is an object. */
  objectMask: number;
  /** Bit k: element k has a string `value`. */
  valueMask: number;
}

export interface ScanOptions {
  /** Top-level key names to look for in each record (at most 30). */
  topKeys?: string[];
  /** Summarise each record as a list of turns (RecordSpan.turns). */
  turns?: boolean;
  chunkSize?: number;
  /**
   * "none" (default): batches are views of one reused buffer, valid until the next batch.
   * "all": the whole file is read into one buffer that every batch views and that stays
   * valid (for callers that keep record bytes; costs the file's size in memory), indexed
   * by file offset (RecordSpan.fileOffset); "shared": the same in a SharedArrayBuffer, so
   * that other threads can read the records without a copy.
   */
  retain?: "none" | "all" | "shared";
  /** With retain "all" or "shared": called once with the buffer that will hold the file. */
  onWholeBuffer?: (whole: Buffer) => void;
  /**
   * "full" (default): every record is checked as Python's json would check it.
   * "structure": strings are only delimited (their escapes and control characters are
   * not checked), the rest is checked; for callers that check the records they use in
   * full later (the mixer checks each record it writes) and want speed on the others.
   */
  validate?: "full" | "structure";
  /** Called after each chunk with the bytes read so far (for progress). */
  onProgress?: OnProgress;
  /**
   * A part of a JSON array file, for two threads scanning halves (retain "none" only):
   * from `start` (0, or the file offset of an element: the scan then begins there,
   * indices from 0, and expects the array's end) to `stop` (a file offset where an element
   * should begin: the scan ends there if it does). `onRangeEnd(true)` when the scan ended
   * at `stop` on an element boundary; `onRangeEnd(false)` when `stop` fell inside an
   * element, and the scan went on to the end of the file.
   */
  range?: { start: number; stop?: number };
  onRangeEnd?: (aligned: boolean) => void;
}

// 4 MiB: two threads scanning at once hold two chunks (and a carried record) each; at
// 8 MiB the reference recipe's peak on the T3-heavy bench input was 25 MB over the
// single-thread version's, at 4 MiB it is level, at the same speed.
const CHUNK = 4 << 20;

/** Scans a file holding one JSON array; calls `onRecord` for each element in order. */
export async function scanJsonArrayFile(
  path: string,
  onRecord: (span: RecordSpan) => void,
  options: ScanOptions = {},
): Promise<number> {
  return scanFile(path, "array", onRecord, options);
}

/** Scans a JSON Lines file (blank lines skipped); calls `onRecord` for each line's value. */
export async function scanJsonlFile(
  path: string,
  onRecord: (span: RecordSpan) => void,
  options: ScanOptions = {},
): Promise<number> {
  return scanFile(path, "jsonl", onRecord, options);
}

/** "array" when the file's first non-blank byte is `[`, else "jsonl". */
export async function detectRecordFormat(path: string): Promise<"array" | "jsonl"> {
  const fh = await open(path, "r");
  try {
    const b = Buffer.alloc(4096);
    for (let pos = 0; ; ) {
      const { bytesRead } = await fh.read(b, 0, b.length, pos);
      if (bytesRead === 0) return "jsonl";
      for (let i = 0; i < bytesRead; i++) {
        const c = b[i];
        if (c === 32 || c === 10 || c === 13 || c === 9) continue;
        return c === 91 ? "array" : "jsonl";
      }
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

type ArrayState = "open" | "first" | "value" | "comma" | "done";

/**
 * The records of a file, a chunk's worth at a time: each batch's spans view one buffer
 * that stays valid until the next batch is asked for.
 */
export async function* scanRecordBatches(
  path: string,
  format: "array" | "jsonl",
  options: ScanOptions = {},
): AsyncGenerator<RecordSpan[]> {
  // What a command reads, it may not write over (the output guard).
  declareInputs([{ path }]);
  const chunkSize = options.chunkSize ?? CHUNK;
  const probe: TopKeyProbe | null =
    options.topKeys || options.turns
      ? {
          keys: (options.topKeys ?? []).map((k) => Buffer.from(k, "utf8")),
          found: 0,
          turns: options.turns ? newTurnProbe() : undefined,
        }
      : null;
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, "r");
  } catch (e) {
    throw new InputError({ file: path }, `cannot open: ${(e as Error).message}`);
  }
  const start = options.range?.start ?? 0;
  let state: ArrayState = start > 0 ? "value" : "open";
  let index = 0;
  let line = 1; // JSONL: line number at carry[0]
  let carry: Buffer = Buffer.alloc(0);
  let fileOffset = start; // file offset of carry[0]
  let eof = false;
  let stop = options.range?.stop ?? Number.POSITIVE_INFINITY;
  // retain "all": the whole file is read into one buffer, chunk after chunk, and batches
  // are views of it (one allocation: no copies, no GC churn). "none": one buffer is reused.
  const whole = await wholeBuffer(fh, options.retain ?? "none");
  if (whole) options.onWholeBuffer?.(whole);
  let scratch: Buffer = Buffer.alloc(0);
  let ahead: Promise<{ bytesRead: number }> | null = null;
  try {
    while (!eof) {
      let chunk: Buffer;
      let at: number; // where the new bytes go in `chunk`
      if (whole) {
        chunk = whole;
        at = fileOffset + carry.length;
      } else {
        // The carried partial record first, then the file's next bytes right after it.
        const need = carry.length + Math.max(chunkSize, carry.length);
        if (scratch.length < need) {
          const next = Buffer.allocUnsafe(need);
          carry.copy(next, 0);
          scratch = next;
        } else {
          carry.copy(scratch, 0);
        }
        chunk = scratch;
        at = carry.length;
      }
      let want = whole ? Math.min(chunkSize, whole.length - at) : chunk.length - at;
      const readFrom = fileOffset + carry.length;
      if (readFrom >= stop) {
        // At the part's end: an element boundary, or the scan goes on past it.
        const aligned = state === "value" && carry.every(isWs);
        options.onRangeEnd?.(aligned);
        if (aligned) return;
        stop = Number.POSITIVE_INFINITY;
      }
      want = Math.min(want, stop - readFrom);
      if (want <= 0) throw new InputError({ file: path }, "the file grew while it was read");
      let bytesRead: number;
      if (whole) {
        // Read-ahead: the next chunk is read while this one is scanned.
        bytesRead = (await (ahead ?? fh.read(whole, at, want, at))).bytesRead;
        const nextAt = at + bytesRead;
        const nextWant = Math.min(chunkSize, whole.length - nextAt);
        ahead = bytesRead > 0 && nextWant > 0 ? fh.read(whole, nextAt, nextWant, nextAt) : null;
      } else {
        bytesRead = (await fh.read(chunk, at, want, fileOffset + carry.length)).bytesRead;
      }
      eof = bytesRead === 0;
      const buf = whole
        ? whole.subarray(fileOffset, at + bytesRead)
        : chunk.subarray(0, at + bytesRead);
      let pos = 0;
      const spans: RecordSpan[] = [];
      if (format === "array") {
        ({ pos, state, index } = scanArrayBuffer(
          buf,
          pos,
          state,
          index,
          eof,
          path,
          fileOffset,
          probe,
          spans,
          options.validate === "structure",
        ));
      } else {
        ({ pos, index, line } = scanLinesBuffer(
          buf,
          pos,
          index,
          line,
          eof,
          path,
          fileOffset,
          probe,
          spans,
        ));
      }
      checkUtf8(buf, pos, spans, path, fileOffset);
      carry = buf.subarray(pos);
      fileOffset += pos;
      if (spans.length > 0) yield spans;
      options.onProgress?.({ done: fileOffset, unit: "bytes", note: `${index} records` });
    }
    if (format === "jsonl" && index === 0) {
      // Python's json.load raises on it, and a failed download looks exactly like it.
      throw new InputError(
        { file: path },
        `empty file (${fileOffset + carry.length} bytes, no JSON value): not a record file; re-create or re-download it`,
      );
    }
    if (format === "array" && state !== "done") {
      throw new InputError(
        { file: path, record: index },
        state === "open"
          ? "empty file: expected a JSON array"
          : "truncated JSON: the array is not closed",
      );
    }
  } finally {
    if (ahead) await ahead.catch(() => undefined);
    await fh.close();
  }
}

async function wholeBuffer(
  fh: Awaited<ReturnType<typeof open>>,
  retain: "none" | "all" | "shared",
): Promise<Buffer | null> {
  if (retain === "none") return null;
  const size = (await fh.stat()).size + 1;
  return retain === "shared" ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
}

async function scanFile(
  path: string,
  format: "array" | "jsonl",
  onRecord: (span: RecordSpan) => void,
  options: ScanOptions,
): Promise<number> {
  declareInputs([{ path }]);
  let n = 0;
  for await (const spans of scanRecordBatches(path, format, options)) {
    for (const s of spans) onRecord(s);
    n += spans.length;
  }
  return n;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function scanArrayBuffer(
  buf: Buffer,
  startPos: number,
  startState: ArrayState,
  startIndex: number,
  eof: boolean,
  path: string,
  fileOffset: number,
  probe: TopKeyProbe | null,
  spans: RecordSpan[],
  structureOnly: boolean,
): { pos: number; state: ArrayState; index: number } {
  let pos = startPos;
  let state = startState;
  let index = startIndex;
  const n = buf.length;
  for (;;) {
    while (pos < n && isWs(buf[pos])) pos++;
    if (pos >= n) return { pos, state, index };
    const c = buf[pos];
    if (state === "open") {
      if (c !== 91) {
        const what =
          c === 0xef ? "a UTF-8 byte-order mark (Python's json rejects it)" : "not a JSON array";
        throw new InputError({ file: path }, `${what} at byte ${fileOffset + pos}`);
      }
      pos++;
      state = "first";
    } else if (state === "comma") {
      if (c === 44) state = "value";
      else if (c === 93) state = "done";
      else
        throw new InputError(
          { file: path, record: index },
          `expected "," or "]" after record ${index - 1} at byte ${fileOffset + pos}`,
        );
      pos++;
    } else if (state === "done") {
      throw new InputError(
        { file: path },
        `extra data after the array at byte ${fileOffset + pos}`,
      );
    } else if (state === "first" && c === 93) {
      pos++;
      state = "done";
    } else {
      const end = skipRecord(
        buf,
        pos,
        n,
        path,
        index,
        undefined,
        fileOffset,
        probe,
        false,
        structureOnly,
      );
      if (end === NEED_MORE) {
        if (eof)
          throw new InputError(
            { file: path, record: index },
            "truncated JSON: the file ends inside this record",
          );
        return { pos, state, index };
      }
      spans.push(spanOf(buf, pos, end, index, undefined, fileOffset, probe));
      index++;
      pos = end;
      state = "comma";
    }
  }
}

function scanLinesBuffer(
  buf: Buffer,
  startPos: number,
  startIndex: number,
  startLine: number,
  eof: boolean,
  path: string,
  fileOffset: number,
  probe: TopKeyProbe | null,
  spans: RecordSpan[],
): { pos: number; index: number; line: number } {
  let pos = startPos;
  let index = startIndex;
  let line = startLine;
  const n = buf.length;
  while (pos < n) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0) {
      if (!eof) return { pos, index, line };
      nl = n;
    }
    let s = pos;
    while (s < nl && isWs(buf[s])) s++;
    if (s < nl) {
      const end = skipRecord(buf, s, nl, path, index, line, fileOffset, probe, eof || nl < n);
      let after = end;
      while (after < nl && isWs(buf[after])) after++;
      if (after < nl) {
        throw new InputError(
          { file: path, record: line, recordKind: "line" },
          `extra data after the JSON value (record ${index})`,
        );
      }
      spans.push(spanOf(buf, s, end, index, line, fileOffset, probe));
      index++;
    }
    line++;
    pos = nl + 1;
  }
  return { pos: Math.min(pos, n), index, line };
}

function skipRecord(
  buf: Buffer,
  start: number,
  limit: number,
  path: string,
  index: number,
  line: number | undefined,
  fileOffset: number,
  probe: TopKeyProbe | null,
  lineComplete = false,
  structureOnly = false,
): number {
  try {
    let end = skipJsonValueInChunk(buf, start, limit, probe, structureOnly);
    // A JSONL line is complete at its newline: a number touching it has ended.
    if (end === NEED_MORE && lineComplete) {
      const padded = Buffer.concat([buf.subarray(start, limit), Buffer.from(" ")]);
      end = skipJsonValue(padded, 0, padded.length, probe);
      if (end === NEED_MORE)
        throw new InputError(recordWhere(path, index, line), "truncated JSON on this line");
      return start + end;
    }
    return end;
  } catch (e) {
    if (e instanceof JsonSyntaxFault) {
      throw new InputError(
        { ...recordWhere(path, index, line), field: e.field },
        `${e.message} at byte ${fileOffset + e.position}`,
      );
    }
    throw e;
  }
}

/** An error's location: made only for an error (an object per record was measurable). */
function recordWhere(path: string, index: number, line: number | undefined) {
  return line === undefined
    ? { file: path, record: index }
    : { file: path, record: line, recordKind: "line" as const };
}

function spanOf(
  buf: Buffer,
  start: number,
  end: number,
  index: number,
  line: number | undefined,
  fileOffset: number,
  probe: TopKeyProbe | null,
): RecordSpan {
  return {
    index,
    line,
    bytes: buf,
    start,
    end,
    fileOffset: fileOffset + start,
    topKeys: probe ? probe.found : 0,
    needsPythonParse: lastValueNeedsPythonParse(),
    turns: probe?.turns ? summariseTurns(buf, probe.turns) : undefined,
  };
}

const COMMON_FROM = ["human", "gpt"].map((word) => ({ word, bytes: Buffer.from(word) }));

/** A turn's raw `from` text; the common ones without decoding (a string per turn was 5% of a T3 scan). */
function fromText(buf: Buffer, start: number, end: number): string {
  for (const { word, bytes } of COMMON_FROM) {
    if (end - start !== bytes.length) continue;
    let k = 0;
    while (k < bytes.length && buf[start + k] === bytes[k]) k++;
    if (k === bytes.length) return word;
  }
  return buf.toString("utf8", start, end);
}

function summariseTurns(buf: Buffer, t: TurnProbe): TurnSummary {
  const from: (string | undefined)[] = [];
  for (let k = 0; k < Math.min(t.count, 4); k++) {
    from.push(t.fromStart[k] < 0 ? undefined : fromText(buf, t.fromStart[k], t.fromEnd[k]));
  }
  return { count: t.count, from, objectMask: t.objectMask, valueMask: t.valueMask };
}

function checkUtf8(
  buf: Buffer,
  pos: number,
  spans: RecordSpan[],
  path: string,
  fileOffset: number,
): void {
  if (isUtf8(buf.subarray(0, pos))) return;
  for (const s of spans) {
    if (!isUtf8(buf.subarray(s.start, s.end))) {
      const at = s.fileOffset + firstInvalidUtf8(buf.subarray(s.start, s.end));
      // Every stage names file, line and byte for bad bytes; an array record also its index.
      const line = s.line ?? lineOfByte(path, at);
      const inRecord = s.line === undefined ? ` in record ${s.index}` : "";
      throw new InputError(
        { file: path, record: line, recordKind: "line" },
        `invalid UTF-8 at byte ${at}${inRecord} (Python's json.load would fail to decode it)`,
      );
    }
  }
  throw new InputError(
    { file: path },
    `invalid UTF-8 between records before byte ${fileOffset + pos}`,
  );
}
