import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../../errors/index";
import {
  type ByteBuilder,
  JsonSyntaxFault,
  type JsonValue,
  PYTHON_INDENT_4,
  type ReindentLayout,
  RepeatedKey,
  detectRecordFormat,
  encodePythonString,
  formatPythonJson,
  parsePythonJson,
  reindentPythonJson,
  scanRecordBatches,
  skipJsonValue,
} from "../../json/index";
/**
 * A mixing source: the records of one input file, known by their byte spans rather than
 * held as objects (1M LLaVA records cost 12 MB of offsets instead of gigabytes), and
 * re-emitted on demand in Python's json.dump layout straight from their source bytes.
 *
 * Kinds: "llava" (each element is a LLaVA record, written as is), "t3-pairs" (each element
 * is a `[human, gpt]` pair, written as `{"id": prefix + index, "conversations": pair}`),
 * and "memory" (records built in memory, e.g. the HotpotQA control).
 */
import type { OnProgress } from "../../progress/index";
import {
  type LlavaRecordFacts,
  llavaFactsInBytes,
  llavaFactsOf,
  llavaShapeProblemInBytes,
} from "../../records/index";

export interface RecordSource {
  /** Display name (the key in the reference recipe, the source name in a spec). */
  readonly name: string;
  /** The file the records come from (or a description for in-memory sources). */
  readonly file: string;
  readonly count: number;
  /** Appends record `i` to `out`, laid out at `level` (1 = an element of the top list). */
  emit(i: number, out: ByteBuilder, level: number, layout: ReindentLayout): void;
  /** Checks record `i` in full if the source was scanned for structure only (InputError). */
  check?(i: number): void;
  /** Record `i` as a value (for checks and previews; slower than emit). */
  record(i: number): JsonValue;
  /**
   * llavaFactsOf(record(i)) (problem, `<image>` tags, images), where the source can tell it
   * faster; without `countTags` the counts are 0 (the shape check alone is cheaper).
   */
  llavaFacts?(i: number, countTags?: boolean): LlavaRecordFacts;
  /**
   * Record `i`'s bytes as emit() wrote them at level 1 in Python's indent=4 layout, when
   * the source cached them (a view, valid as long as the source), else null.
   */
  emittedBytes?(i: number): Uint8Array | null;
  close(): void;
}

export type FileSourceKind = "llava" | "t3-pairs";

export interface LoadOptions {
  /** For "t3-pairs": the id prefix (`tempqa-{aspect}-{version}`). */
  idPrefix?: string;
  /**
   * Keep the file's bytes in memory (about the file's size) so that writing needs no
   * reads; otherwise each written record is read back from the file (one read each).
   */
  keepBytes?: boolean;
  /**
   * Keep each record's Python indent=4 bytes once written, and copy them when the same
   * record is written again (the reference recipe writes each T3 record into up to six
   * files). Costs memory for the written records' output bytes.
   */
  cacheEmitted?: boolean;
  /**
   * "structure": scan fast (strings only delimited) and check each record in full when it
   * is first written; records never written get the structural check only.
   */
  validate?: "full" | "structure";
  /**
   * Keep the bytes (and the emitted-bytes cache) in shared memory, so that the source can
   * be handed to another thread (shareSource / sourceFromShared) without a copy.
   */
  shared?: boolean;
  /** Scan only a part of a JSON array file (see ScanOptions.range in lib/json). */
  range?: { start: number; stop?: number };
  onRangeEnd?: (aligned: boolean) => void;
  onProgress?: OnProgress;
}

/**
 * Scans `file` (a JSON array or JSONL) and checks every record: LLaVA records need a
 * `conversations` key; T3 pairs must be `[{"from": "human", …}, {"from": "gpt", …}]`
 * with string values. Errors name the file, the record index and the field.
 */
export async function loadFileSource(
  name: string,
  file: string,
  kind: FileSourceKind,
  options: LoadOptions = {},
): Promise<RecordSource> {
  let starts = new Float64Array(1 << 16);
  let lengths = new Uint32Array(1 << 16);
  let n = 0;
  let whole: Buffer | null = null;
  const format = await detectFormat(file);
  for await (const spans of scanRecordBatches(file, format, {
    topKeys: kind === "llava" ? ["conversations"] : undefined,
    turns: kind === "t3-pairs",
    retain: options.keepBytes ? (options.shared ? "shared" : "all") : "none",
    onWholeBuffer: (b) => {
      whole = b;
    },
    validate: options.validate,
    range: options.range,
    onRangeEnd: options.onRangeEnd,
    onProgress: options.onProgress,
  })) {
    for (const s of spans) {
      const where =
        s.line === undefined
          ? { file, record: s.index }
          : { file, record: s.line, recordKind: "line" as const };
      if (kind === "llava") checkLlavaSpan(s.bytes[s.start], s.topKeys, where);
      else checkPairSpan(s.turns!, where);
      if (n === starts.length) {
        const s2 = new Float64Array(n * 2);
        s2.set(starts);
        starts = s2;
        const l2 = new Uint32Array(n * 2);
        l2.set(lengths);
        lengths = l2;
      }
      // Kept or not, a record is found by its file offset (a kept file is held whole).
      starts[n] = s.fileOffset;
      lengths[n] = s.end - s.start;
      n++;
    }
  }
  return new FileSpanSource({
    name,
    file,
    kind,
    starts: starts.slice(0, n),
    lengths: lengths.slice(0, n),
    idPrefix: options.idPrefix ?? "",
    whole,
    cache: options.cacheEmitted ? EmittedCache.create(n, options.shared === true) : null,
    checkOnEmit: options.validate === "structure",
  });
}

/**
 * What another thread needs to rebuild a file source: plain data, the big parts in
 * SharedArrayBuffers (the bytes, the cache), the offsets copied (12 bytes a record).
 */
export interface SharedFileSource {
  name: string;
  file: string;
  kind: FileSourceKind;
  /** File offset (or offset in `whole`) and length of each record. */
  starts: Float64Array;
  lengths: Uint32Array;
  idPrefix: string;
  /** The whole file (indexed by file offset) or the records kept, else null: records are read back. */
  whole: Buffer | null;
  cache: SharedEmittedCache | null;
  /** Scanned for structure only: check each record in full before its first emit. */
  checkOnEmit: boolean;
}

/** The data of a source loaded with `shared: true`, to post to another thread. */
export function shareSource(source: RecordSource): SharedFileSource {
  if (!(source instanceof FileSpanSource)) throw new Error(`${source.name}: not a file source`);
  return source.share();
}

/**
 * The same source holding, in shared memory, the bytes of the records `indices` (ascending)
 * only: they are read back from the file, a window at a time. For a source scanned
 * without keeping its bytes, once the records to write are known: on the 1M-record LLaVA
 * file, of which the recipe writes 200k, this holds 0.3 GB instead of the file's 1.5 GB,
 * and first touches of fresh memory cost this machine's kernel 4-8 s of the run's time.
 */
export function keepRecords(source: RecordSource, indices: Uint32Array): RecordSource {
  if (!(source instanceof FileSpanSource)) throw new Error(`${source.name}: not a file source`);
  return source.keeping(indices);
}

/**
 * One source of two scanned as consecutive parts of a file (`range`), neither keeping
 * its bytes: the records of `first`, then those of `second`.
 */
export function joinSources(first: RecordSource, second: RecordSource): RecordSource {
  if (!(first instanceof FileSpanSource) || !(second instanceof FileSpanSource))
    throw new Error(`${first.name}: not file sources`);
  return first.joined(second);
}

/** True unless `source` is a file source read back from its file record by record. */
export function keepsBytes(source: RecordSource): boolean {
  return !(source instanceof FileSpanSource) || source.holdsBytes;
}

/** A source rebuilt from shareSource's data (posted from another thread). */
export function sourceFromShared(data: SharedFileSource): RecordSource {
  return new FileSpanSource({
    ...data,
    whole: data.whole
      ? Buffer.from(data.whole.buffer, data.whole.byteOffset, data.whole.length)
      : null,
    cache: data.cache ? EmittedCache.fromShared(data.cache) : null,
  });
}

const KEEP_WINDOW = 8 << 20;

/** EmittedCache's data, for another thread. */
export interface SharedEmittedCache {
  slabs: Uint8Array[];
  slabOf: Int32Array;
  start: Uint32Array;
  length: Uint32Array;
}

/** Output bytes of records already written at level 1 in Python's indent=4 layout. */
class EmittedCache {
  private slab: Uint8Array = new Uint8Array(0);
  private used = 0;

  private constructor(
    private readonly slabs: Uint8Array[],
    readonly slabOf: Int32Array,
    readonly start: Uint32Array,
    readonly length: Uint32Array,
    private readonly shared: boolean,
  ) {}

  static create(n: number, shared: boolean): EmittedCache {
    const ints = (bytes: number) =>
      shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    const slabOf = new Int32Array(ints(4 * n)).fill(-1);
    return new EmittedCache(
      [],
      slabOf,
      new Uint32Array(ints(4 * n)),
      new Uint32Array(ints(4 * n)),
      shared,
    );
  }

  static fromShared(d: SharedEmittedCache): EmittedCache {
    return new EmittedCache([...d.slabs], d.slabOf, d.start, d.length, true);
  }

  share(): SharedEmittedCache {
    return { slabs: this.slabs, slabOf: this.slabOf, start: this.start, length: this.length };
  }

  has(i: number): boolean {
    return this.slabOf[i] >= 0;
  }

  copyTo(i: number, out: ByteBuilder): void {
    out.pushBytes(this.slabs[this.slabOf[i]], this.start[i], this.start[i] + this.length[i]);
  }

  bytesOf(i: number): Uint8Array {
    return this.slabs[this.slabOf[i]].subarray(this.start[i], this.start[i] + this.length[i]);
  }

  keep(i: number, bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.used + n > this.slab.length) {
      const size = Math.max(32 << 20, n);
      this.slab = new Uint8Array(this.shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
      this.slabs.push(this.slab);
      this.used = 0;
    }
    this.slab.set(bytes.subarray(from, to), this.used);
    this.slabOf[i] = this.slabs.length - 1;
    this.start[i] = this.used;
    this.length[i] = n;
    this.used += n;
  }
}

async function detectFormat(file: string): Promise<"array" | "jsonl"> {
  try {
    return await detectRecordFormat(file);
  } catch (e) {
    throw new InputError({ file }, `cannot read: ${(e as Error).message}`);
  }
}

type Where = { file: string; record: number; recordKind?: "record" | "line" };

function checkLlavaSpan(firstByte: number, topKeys: number, where: Where): void {
  if (firstByte !== 123) throw new InputError(where, "expected a LLaVA record (a JSON object)");
  if ((topKeys & 1) === 0)
    throw new InputError(
      { ...where, field: "conversations" },
      "missing: every LLaVA record needs conversations",
    );
}

function checkPairSpan(
  t: { count: number; from: (string | undefined)[]; objectMask: number; valueMask: number },
  where: Where,
): void {
  if (t.count !== 2) {
    throw new InputError(
      where,
      `expected a [human, gpt] pair, got ${t.count === 0 ? "no list (or an empty one)" : `${t.count} turns`}`,
    );
  }
  const want = ["human", "gpt"];
  for (let k = 0; k < 2; k++) {
    if ((t.objectMask & (1 << k)) === 0)
      throw new InputError({ ...where, field: `[${k}]` }, "expected a {from, value} turn");
    if (t.from[k] !== want[k]) {
      throw new InputError(
        { ...where, field: `[${k}].from` },
        `expected "${want[k]}" (a pair is human then gpt), got ${t.from[k] === undefined ? "nothing" : JSON.stringify(t.from[k])}`,
      );
    }
    if ((t.valueMask & (1 << k)) === 0)
      throw new InputError({ ...where, field: `[${k}].value` }, "missing or not a string");
  }
}

/** A file source's parts: its shared form, with the cache as an object. */
interface FileSpanParts extends Omit<SharedFileSource, "cache"> {
  cache: EmittedCache | null;
}

class FileSpanSource implements RecordSource {
  private fd: number | null = null;
  private scratch = Buffer.allocUnsafe(1 << 16);
  readonly name: string;
  readonly file: string;
  private readonly kind: FileSourceKind;
  private readonly starts: Float64Array;
  private readonly lengths: Uint32Array;
  private readonly idPrefixBytes: string;
  private readonly whole: Buffer | null;
  private readonly cache: EmittedCache | null;
  private readonly checkOnEmit: boolean;

  constructor(parts: FileSpanParts) {
    this.name = parts.name;
    this.file = parts.file;
    this.kind = parts.kind;
    this.starts = parts.starts;
    this.lengths = parts.lengths;
    this.idPrefixBytes = parts.idPrefix;
    this.whole = parts.whole;
    this.cache = parts.cache;
    this.checkOnEmit = parts.checkOnEmit;
  }

  share(): SharedFileSource {
    if (this.whole && !(this.whole.buffer instanceof SharedArrayBuffer))
      throw new Error(`${this.name}: loaded without shared: true`);
    return {
      name: this.name,
      file: this.file,
      kind: this.kind,
      starts: this.starts,
      lengths: this.lengths,
      idPrefix: this.idPrefixBytes,
      whole: this.whole,
      cache: this.cache ? this.cache.share() : null,
      checkOnEmit: this.checkOnEmit,
    };
  }

  get count(): number {
    return this.starts.length;
  }

  get holdsBytes(): boolean {
    return this.whole !== null;
  }

  joined(next: FileSpanSource): FileSpanSource {
    if (this.whole || next.whole || this.cache || next.cache)
      throw new Error(`${this.name}: only sources without kept bytes join`);
    const n = this.count;
    const starts = new Float64Array(n + next.count);
    starts.set(this.starts);
    starts.set(next.starts, n);
    const lengths = new Uint32Array(n + next.count);
    lengths.set(this.lengths);
    lengths.set(next.lengths, n);
    return new FileSpanSource({ ...this.share(), starts, lengths, whole: null, cache: null });
  }

  keeping(indices: Uint32Array): FileSpanSource {
    let total = 0;
    for (const i of indices) total += this.lengths[i];
    const kept = Buffer.from(new SharedArrayBuffer(Math.max(total, 1)));
    const starts = new Float64Array(this.count).fill(-1);
    const fd = openSync(this.file, "r");
    try {
      const window = Buffer.allocUnsafe(KEEP_WINDOW);
      let at = 0;
      for (let g = 0; g < indices.length; ) {
        // A window of the file from record g's start, as many records as it holds whole.
        const from = this.starts[indices[g]];
        let h = g;
        while (h < indices.length && this.end(indices[h]) - from <= KEEP_WINDOW) h++;
        if (h === g) {
          // One record bigger than a window: read it straight into place.
          this.readExactly(fd, kept, at, this.lengths[indices[g]], from, indices[g]);
          starts[indices[g]] = at;
          at += this.lengths[indices[g]];
          g++;
          continue;
        }
        const span = this.end(indices[h - 1]) - from;
        this.readExactly(fd, window, 0, span, from, indices[g]);
        for (let k = g; k < h; k++) {
          const i = indices[k];
          const off = this.starts[i] - from;
          window.copy(kept, at, off, off + this.lengths[i]);
          starts[i] = at;
          at += this.lengths[i];
        }
        g = h;
      }
    } finally {
      closeSync(fd);
    }
    return new FileSpanSource({
      name: this.name,
      file: this.file,
      kind: this.kind,
      starts,
      lengths: this.lengths,
      idPrefix: this.idPrefixBytes,
      whole: kept,
      cache: this.cache,
      checkOnEmit: this.checkOnEmit,
    });
  }

  private end(i: number): number {
    return this.starts[i] + this.lengths[i];
  }

  private readExactly(
    fd: number,
    into: Buffer,
    at: number,
    length: number,
    position: number,
    record: number,
  ): void {
    let done = 0;
    while (done < length) {
      const got = readSync(fd, into, at + done, length - done, position + done);
      if (got === 0)
        throw new InputError({ file: this.file, record }, "the file changed while mixing");
      done += got;
    }
    const first = into[at];
    if (first !== (this.kind === "llava" ? 123 : 91))
      throw new InputError({ file: this.file, record }, "the file changed while mixing");
  }

  /** The record's bytes start at `this.at` in the returned buffer. */
  private at = 0;

  private bytesOf(i: number): Buffer {
    if (this.whole) {
      this.at = this.starts[i];
      return this.whole;
    }
    this.at = 0;
    if (this.fd === null) this.fd = openSync(this.file, "r");
    const len = this.lengths[i];
    if (this.scratch.length < len)
      this.scratch = Buffer.allocUnsafe(Math.max(len, this.scratch.length * 2));
    const got = readSync(this.fd, this.scratch, 0, len, this.starts[i]);
    if (got !== len)
      throw new InputError({ file: this.file, record: i }, "the file changed while mixing");
    return this.scratch;
  }

  emit(i: number, out: ByteBuilder, level: number, layout: ReindentLayout): void {
    const cacheable = this.cache !== null && level === 1 && layout === PYTHON_INDENT_4;
    if (cacheable && this.cache!.has(i)) {
      this.cache!.copyTo(i, out);
      return;
    }
    this.check(i);
    const bytes = this.bytesOf(i);
    const mark = out.length;
    try {
      this.emitBytes(i, bytes, out, level, layout);
      if (cacheable) this.cache!.keep(i, out.bytes, mark, out.length);
    } catch (e) {
      throw this.inputErrorOf(e, i);
    }
  }

  /** A syntax fault in record `i` as the InputError naming its file, record and field. */
  private inputErrorOf(e: unknown, i: number): unknown {
    if (!(e instanceof JsonSyntaxFault)) return e;
    return new InputError({ file: this.file, record: i, field: e.field || undefined }, e.message);
  }

  private checked: Uint8Array | null = null;

  emittedBytes(i: number): Uint8Array | null {
    return this.cache?.has(i) ? this.cache.bytesOf(i) : null;
  }

  check(i: number): void {
    if (!this.checkOnEmit) return;
    if (this.cache?.has(i)) return; // checked when it was first emitted
    if (this.checked === null) this.checked = new Uint8Array(this.count);
    if (this.checked[i]) return;
    const bytes = this.bytesOf(i);
    try {
      skipJsonValue(bytes, this.at, this.at + this.lengths[i]);
    } catch (e) {
      throw this.inputErrorOf(e, i);
    }
    this.checked[i] = 1;
  }

  private emitBytes(
    i: number,
    bytes: Buffer,
    out: ByteBuilder,
    level: number,
    layout: ReindentLayout,
  ): void {
    if (this.kind === "llava") {
      emitValue(bytes, this.at, this.lengths[i], out, level, layout);
      return;
    }
    // {"id": "<prefix><i>", "conversations": <pair>} laid out as Python would.
    const inner = layout.indent === null ? "" : `\n${" ".repeat((level + 1) * layout.indent)}`;
    const outer = layout.indent === null ? "" : `\n${" ".repeat(level * layout.indent)}`;
    out.pushAscii(
      `{${inner}"id"${layout.keySeparator}${encodePythonString(this.idPrefixBytes + i)}${layout.itemSeparator}${inner}"conversations"${layout.keySeparator}`,
    );
    emitValue(bytes, this.at, this.lengths[i], out, level + 1, layout);
    out.pushAscii(`${outer}}`);
  }

  record(i: number): JsonValue {
    const bytes = this.bytesOf(i);
    const v = parsePythonJson(bytes.toString("utf8", this.at, this.at + this.lengths[i]));
    if (this.kind === "llava") return v;
    return { id: this.idPrefixBytes + i, conversations: v };
  }

  llavaFacts(i: number, countTags = true): LlavaRecordFacts {
    this.check(i); // the byte walk needs valid JSON
    const bytes = this.bytesOf(i);
    if (this.kind === "llava")
      return countTags
        ? llavaFactsInBytes(bytes, this.at, this.at + this.lengths[i])
        : {
            problem: llavaShapeProblemInBytes(bytes, this.at, this.at + this.lengths[i]),
            imageTags: 0,
            images: 0,
          };
    // A pair the scan passed is human then gpt with string values: only `<image>` tags,
    // possibly escaped (`\u003c`), are left to count, by the parse when there may be one.
    const pair = bytes.subarray(this.at, this.at + this.lengths[i]);
    if (pair.indexOf("<image") < 0 && pair.indexOf("\\u003") < 0)
      return { problem: null, imageTags: 0, images: 0 };
    return llavaFactsOf(this.record(i));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Re-emits one value's bytes; on a repeated key, parses it with Python's rule instead. */
function emitValue(
  bytes: Buffer,
  at: number,
  len: number,
  out: ByteBuilder,
  level: number,
  layout: ReindentLayout,
): void {
  const mark = out.length;
  try {
    reindentPythonJson(bytes, at, out, level, layout, at + len);
  } catch (e) {
    if (!(e instanceof RepeatedKey)) throw e;
    out.length = mark;
    const v = parsePythonJson(bytes.toString("utf8", at, at + len));
    const indent = layout.indent;
    out.pushAscii(
      formatPythonJson(
        v,
        { indent, separators: [layout.itemSeparator, layout.keySeparator] },
        level,
      ),
    );
  }
}

/** Records held in memory (small derived sources such as the HotpotQA control). */
export class MemorySource implements RecordSource {
  constructor(
    readonly name: string,
    readonly file: string,
    private readonly records: JsonValue[],
  ) {}

  get count(): number {
    return this.records.length;
  }

  emit(i: number, out: ByteBuilder, level: number, layout: ReindentLayout): void {
    out.pushAscii(
      formatPythonJson(
        this.records[i],
        { indent: layout.indent, separators: [layout.itemSeparator, layout.keySeparator] },
        level,
      ),
    );
  }

  record(i: number): JsonValue {
    return this.records[i];
  }

  close(): void {}
}
