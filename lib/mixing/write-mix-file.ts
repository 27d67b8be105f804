import { once } from "node:events";
import { closeSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { openAtomicWriteStream } from "../files/index";
import {
  ByteBuilder,
  PYTHON_COMPACT,
  PYTHON_INDENT_4,
  PYTHON_ONE_LINE,
  type ReindentLayout,
} from "../json/index";
/**
 * Writes a mix (a list of record references into sources) to one file, atomically, in
 * one of three layouts: "llava-json" = Python's `json.dump(d, f, indent=4)` (what the
 * released recipe and LLaVA-style trainers read), "json-compact" = `json.dump(d, f,
 * separators=(",", ":"))`, "jsonl" = one `json.dumps(record)` per line. Each record is
 * re-emitted from its source bytes, so a 200k-record mix streams out in a few seconds
 * with memory for one 4 MiB chunk.
 */
import type { OnProgress } from "../progress/index";
import type { RecordSource } from "./record-source";

export type MixFormat = "llava-json" | "json-compact" | "jsonl";

export const MIX_FORMATS: readonly MixFormat[] = ["llava-json", "json-compact", "jsonl"];

/** A reference to record `index` of `sources[source]`, packed in one number. */
export function packRef(source: number, index: number): number {
  return source * 4294967296 + index;
}

export function refSource(ref: number): number {
  return Math.floor(ref / 4294967296);
}

export function refIndex(ref: number): number {
  return ref % 4294967296;
}

const FLUSH_AT = 4 << 20;

/** Writes the builder's bytes to `fd` and empties it; returns the byte count. */
function flush(fd: number, b: ByteBuilder): number {
  const n = b.length;
  let done = 0;
  while (done < n) done += writeSync(fd, b.bytes, done, n - done);
  b.clear();
  return n;
}

/**
 * Writes `refs` (packed with packRef) as `format` to `target` through a temp file and a
 * rename; calls `onProgress(written, total)` after each chunk. Returns the byte count.
 */
export async function writeMixFile(
  target: string,
  refs: ArrayLike<number>,
  sources: readonly RecordSource[],
  format: MixFormat,
  onProgress?: OnProgress,
): Promise<number> {
  const out = await openAtomicWriteStream(target, 4 << 20);
  try {
    // Chunks go straight to the temp file's descriptor, synchronously, from one reused
    // buffer: no 4 MiB copy per chunk, and no external allocations for the GC to chase.
    const stream = out.stream as unknown as { fd: number | null } & NodeJS.EventEmitter;
    if (typeof stream.fd !== "number") await once(stream, "open");
    const bytes = await emitMixToFd(stream.fd as number, refs, sources, format, onProgress);
    await out.commit();
    return bytes;
  } catch (e) {
    await out.abort();
    throw e;
  }
}

/**
 * Writes `refs` as `format` to `path` directly (no rename: for callers that manage temp
 * files themselves, such as the reference recipe, which renames all 12 at the end).
 */
export async function writeMixRecordsTo(
  path: string,
  refs: ArrayLike<number>,
  sources: readonly RecordSource[],
  format: MixFormat,
  sourceOffset = 0,
): Promise<number> {
  // "r+": the file must exist (TempOutputs.reserve made it); never re-create a removed temp.
  const fd = openSync(path, "r+");
  try {
    ftruncateSync(fd, 0);
    return await emitMixToFd(fd, refs, sources, format, undefined, sourceOffset);
  } finally {
    closeSync(fd);
  }
}

async function emitMixToFd(
  fd: number,
  refs: ArrayLike<number>,
  sources: readonly RecordSource[],
  format: MixFormat,
  onProgress?: OnProgress,
  sourceOffset = 0,
): Promise<number> {
  const layout: ReindentLayout =
    format === "llava-json"
      ? PYTHON_INDENT_4
      : format === "json-compact"
        ? PYTHON_COMPACT
        : PYTHON_ONE_LINE;
  const open = format === "jsonl" ? "" : format === "llava-json" ? "[\n    " : "[";
  const between = format === "jsonl" ? "" : format === "llava-json" ? ",\n    " : ",";
  const after = format === "jsonl" ? "\n" : "";
  const close = format === "jsonl" ? "" : format === "llava-json" ? "\n]" : "]";
  const level = format === "jsonl" ? 0 : 1;
  const b = new ByteBuilder(FLUSH_AT + (1 << 20));
  let bytes = 0;
  if (refs.length === 0 && format !== "jsonl") b.pushAscii("[]");
  for (let k = 0; k < refs.length; k++) {
    b.pushAscii(k === 0 ? open : between);
    const ref = refs[k];
    sources[refSource(ref) - sourceOffset].emit(refIndex(ref), b, level, layout);
    if (after) b.pushAscii(after);
    if (b.length >= FLUSH_AT) {
      bytes += flush(fd, b);
      onProgress?.({ done: k + 1, total: refs.length, unit: "records" });
      // Let signals (Ctrl-C: temp files are removed) and other work run.
      await new Promise((r) => setImmediate(r));
    }
  }
  if (refs.length > 0) b.pushAscii(close);
  bytes += flush(fd, b);
  onProgress?.({ done: refs.length, total: refs.length, unit: "records" });
  return bytes;
}
