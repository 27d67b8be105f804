import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors/index";
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
} from "../json/index";
/**
 * A mixing source: the records of one input file, known by their byte spans rather than
 * held as objects (1M LLaVA records cost 12 MB of offsets instead of gigabytes), and
 * re-emitted on demand in Python's json.dump layout straight from their source bytes.
 *
 * Kinds: "llava" (each element is a LLaVA record, written as is), "t3-pairs" (each element
 * is a `[human, gpt]` pair, written as `{"id": prefix + index, "conversations": pair}`),
 * and "memory" (records built in memory, e.g. the HotpotQA control).
 */
import type { OnProgress } from "../progress/index";
import { type RecordProblem, llavaRecordProblem, llavaShapeProblemInBytes } from "../records/index";

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
  /** llavaRecordProblem of record `i`, where the source can tell it faster than `record(i)`. */
  llavaShapeProblem?(i: number): RecordProblem | null;
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
  const chunks: Buffer[] = [];
  let chunkOf = new Uint32Array(options.keepBytes ? 1 << 16 : 0);
  const format = await detectFormat(file);
  for await (const spans of scanRecordBatches(file, format, {
    topKeys: kind === "llava" ? ["conversations"] : undefined,
    turns: kind === "t3-pairs",
    retain: options.keepBytes ? "all" : "none",
    validate: options.validate,
    onProgress: options.onProgress,
  })) {
    if (options.keepBytes && spans.length > 0) chunks.push(spans[0].bytes as Buffer);
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
        if (options.keepBytes) {
          const c2 = new Uint32Array(n * 2);
          c2.set(chunkOf);
          chunkOf = c2;
        }
      }
      if (options.keepBytes) chunkOf[n] = chunks.length - 1;
      starts[n] = options.keepBytes ? s.start : s.fileOffset;
      lengths[n] = s.end - s.start;
      n++;
    }
  }
  return new FileSpanSource(
    name,
    file,
    kind,
    starts.subarray(0, n),
    lengths.subarray(0, n),
    options.idPrefix ?? "",
    options.keepBytes ? { chunks, chunkOf: chunkOf.subarray(0, n) } : null,
    options.cacheEmitted ? new EmittedCache(n) : null,
    options.validate === "structure",
  );
}

/** Output bytes of records already written at level 1 in Python's indent=4 layout. */
class EmittedCache {
  private readonly slabs: Buffer[] = [];
  private slab: Buffer = Buffer.alloc(0);
  private used = 0;
  readonly slabOf: Int32Array;
  readonly start: Uint32Array;
  readonly length: Uint32Array;

  constructor(n: number) {
    this.slabOf = new Int32Array(n).fill(-1);
    this.start = new Uint32Array(n);
    this.length = new Uint32Array(n);
  }

  has(i: number): boolean {
    return this.slabOf[i] >= 0;
  }

  copyTo(i: number, out: ByteBuilder): void {
    out.pushBytes(this.slabs[this.slabOf[i]], this.start[i], this.start[i] + this.length[i]);
  }

  keep(i: number, bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.used + n > this.slab.length) {
      this.slab = Buffer.allocUnsafe(Math.max(32 << 20, n));
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

class FileSpanSource implements RecordSource {
  private fd: number | null = null;
  private scratch = Buffer.allocUnsafe(1 << 16);
  private readonly idPrefixBytes: string;

  constructor(
    readonly name: string,
    readonly file: string,
    private readonly kind: FileSourceKind,
    private readonly starts: Float64Array,
    private readonly lengths: Uint32Array,
    idPrefix: string,
    private readonly kept: { chunks: Buffer[]; chunkOf: Uint32Array } | null,
    private readonly cache: EmittedCache | null = null,
    private readonly checkOnEmit = false,
  ) {
    this.idPrefixBytes = idPrefix;
  }

  get count(): number {
    return this.starts.length;
  }

  /** The record's bytes start at `this.at` in the returned buffer. */
  private at = 0;

  private bytesOf(i: number): Buffer {
    if (this.kept) {
      this.at = this.starts[i];
      return this.kept.chunks[this.kept.chunkOf[i]];
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
      if (e instanceof JsonSyntaxFault) {
        throw new InputError(
          { file: this.file, record: i, field: e.field || undefined },
          e.message,
        );
      }
      throw e;
    }
  }

  private checked: Uint8Array | null = null;

  check(i: number): void {
    if (!this.checkOnEmit) return;
    if (this.checked === null) this.checked = new Uint8Array(this.count);
    if (this.checked[i]) return;
    const bytes = this.bytesOf(i);
    try {
      skipJsonValue(bytes, this.at, this.at + this.lengths[i]);
    } catch (e) {
      if (e instanceof JsonSyntaxFault) {
        throw new InputError(
          { file: this.file, record: i, field: e.field || undefined },
          e.message,
        );
      }
      throw e;
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

  llavaShapeProblem(i: number): RecordProblem | null {
    if (this.kind !== "llava") return llavaRecordProblem(this.record(i));
    this.check(i); // the byte check needs valid JSON
    const bytes = this.bytesOf(i);
    return llavaShapeProblemInBytes(bytes, this.at, this.at + this.lengths[i]);
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
