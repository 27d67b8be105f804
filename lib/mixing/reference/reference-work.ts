/**
 * The reference recipe's work, the same on either thread: scanning its 14 inputs, laying
 * out the written T3 records once, and writing the 12 files. Two threads share it through
 * counters in shared memory: each takes the next input (or file) when it is free, so the
 * load balances whatever the inputs' shape. Measured on 200k LLaVA records + 13 × 20k
 * T3 pairs: the fixed split it replaces (LLaVA on one thread, T3 on the other) left one
 * thread waiting 1.1-3.4 s of a 5-8 s run; sharing the work removed most of that wait.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { ByteBuilder, PYTHON_INDENT_4 } from "../../json/index";
import type { OnProgress } from "../../progress/index";
import { T3_FILES, t3IdPrefix } from "../../records/index";
import { writeMixRecordsTo } from "../run/write-mix-file";
import {
  type FileSourceKind,
  type LoadOptions,
  type RecordSource,
  loadFileSource,
} from "../sources/record-source";
import { LLAVA_KEY, WRITTEN_T3_KEYS } from "./reference-compositions";

/**
 * One scan of the recipe: the LLaVA file (or its two halves), then the 13 T3 files in
 * load order. `source` is where its records go among the 14 sources (0: LLaVA).
 */
export interface ReferenceInput {
  key: string;
  file: string;
  kind: FileSourceKind;
  options: LoadOptions;
  source: number;
}

/**
 * The scans. The LLaVA file is checked in full while scanned; from `splitAbove` bytes it
 * is scanned in two halves and its bytes are not kept: the records the recipe writes are
 * read back once the draws are known (keepRecords). The T3 files are checked for structure (a written T3 record is checked in
 * full when first laid out); the written ones stay in shared memory (either thread lays
 * them out) and keep their laid-out bytes, since each is written into up to six files.
 */
export function referenceInputs(
  llava: string,
  t3Dir: string,
  splitAbove = 256 << 20,
): ReferenceInput[] {
  const split = elementStartNear(llava, splitAbove);
  // A smaller file is kept whole: most of its records are written (all 200k of the
  // T3-heavy bench input), and reading them back cost more than holding the rest.
  const llavaScans: ReferenceInput[] =
    split === null
      ? [
          {
            key: LLAVA_KEY,
            file: llava,
            kind: "llava",
            options: { keepBytes: true, shared: true },
            source: 0,
          },
        ]
      : [
          {
            key: LLAVA_KEY,
            file: llava,
            kind: "llava",
            options: { range: { start: 0, stop: split } },
            source: 0,
          },
          {
            key: LLAVA_KEY,
            file: llava,
            kind: "llava",
            options: { range: { start: split } },
            source: 0,
          },
        ];
  return [
    ...llavaScans,
    ...T3_FILES.map((f, k) => {
      const written = WRITTEN_T3_KEYS.includes(f.key);
      return {
        key: f.key,
        file: join(t3Dir, f.file),
        kind: "t3-pairs" as const,
        options: {
          idPrefix: t3IdPrefix(f),
          keepBytes: written,
          cacheEmitted: written,
          shared: true,
          validate: "structure" as const,
        },
        source: k + 1,
      };
    }),
  ];
}

/**
 * Where an element of the JSON array in `file` begins, near the file's middle, or null:
 * the first line there that opens an element as the file's first element is opened (a
 * newline, the same indent, `{`). Raw newlines never occur inside JSON strings, so in
 * the layouts json.dump writes this is an element's start; the first half's scan checks
 * it (ScanOptions.range). Files under `minSize`, or on one line, are not split. On the
 * 1M-record benchmark input, scanning the 1.5 GB LLaVA file on one thread took 3.5 s while
 * the other thread, done with the T3 files, waited 3.2 s; split, the wait is 0.7 s.
 */
export function elementStartNear(file: string, minSize: number): number | null {
  const size = statSync(file).size;
  if (size < minSize || size < 2) return null;
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(1 << 16);
    const got = readSync(fd, head, 0, head.length, 0);
    const open = head.subarray(0, got).indexOf(91); // [
    const first = head.subarray(0, got).indexOf(123, open); // {
    if (open < 0 || first < 0 || head.subarray(open + 1, first).some((c) => !isWhitespace(c)))
      return null;
    const newline = head.lastIndexOf(10, first);
    if (newline <= open) return null;
    const opener = head.subarray(newline, first + 1); // "\n" + indent + "{"
    const window = Buffer.alloc(8 << 20);
    const from = Math.floor(size / 2);
    const n = readSync(fd, window, 0, window.length, from);
    const at = window.subarray(0, n).indexOf(opener);
    return at < 0 ? null : from + at + opener.length - 1;
  } finally {
    closeSync(fd);
  }
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * A queue index in shared memory: `take()` hands each index to one thread, in order.
 * `stop()` makes every later `take()` say done (after a failure, nobody starts more).
 */
export class SharedQueue {
  private readonly cells: Int32Array;

  constructor(
    readonly length: number,
    memory: SharedArrayBuffer = new SharedArrayBuffer(8),
  ) {
    this.cells = new Int32Array(memory);
  }

  get memory(): SharedArrayBuffer {
    return this.cells.buffer as SharedArrayBuffer;
  }

  /** The next index, or -1 when none is left (or the queue was stopped). */
  take(): number {
    if (Atomics.load(this.cells, 1) !== 0) return -1;
    const k = Atomics.add(this.cells, 0, 1);
    return k < this.length ? k : -1;
  }

  stop(): void {
    Atomics.store(this.cells, 1, 1);
  }
}

/** An error of task `k`: the lowest k wins, as if the tasks had run one after another. */
export interface TaskFailure {
  k: number;
  error: unknown;
}

/** The failure of the lowest task, or null. */
export function firstFailure(failures: readonly TaskFailure[]): TaskFailure | null {
  return failures.reduce<TaskFailure | null>((a, f) => (a === null || f.k < a.k ? f : a), null);
}

/**
 * Scans inputs as the queue hands them out; reports each source. Returns this thread's
 * failures: at its first one it stops the queue for both threads, except for the second
 * half of a split file, which may only have been a wrong guess of where an element starts
 * (the first half's scan tells).
 */
export async function scanQueued(
  inputs: readonly ReferenceInput[],
  queue: SharedQueue,
  onScanned: (k: number, source: RecordSource, aligned: boolean) => void,
  // A reporter per input rather than one OnProgress: each scan's Progress counts its own
  // file's bytes (done) and records (note), so a single callback would have to be told
  // which input a Progress is about; and only the LLaVA file is worth reporting (the T3
  // files take a fraction of a second), so the others get none.
  onProgress?: (k: number) => OnProgress | undefined,
): Promise<TaskFailure[]> {
  const failures: TaskFailure[] = [];
  for (let k = queue.take(); k >= 0; k = queue.take()) {
    const input = inputs[k];
    try {
      let aligned = false;
      const source = await loadFileSource(input.key, input.file, input.kind, {
        ...input.options,
        onRangeEnd: (a) => {
          aligned = a;
        },
        onProgress: onProgress?.(k),
      });
      onScanned(k, source, aligned);
    } catch (error) {
      failures.push({ k, error });
      if ((input.options.range?.start ?? 0) > 0) continue;
      queue.stop();
      break;
    }
  }
  return failures;
}

/**
 * Lays out every record of the written T3 files once (checking it in full), so that the
 * files are then written by copying. One thread does it: the cache is not for sharing
 * while it fills.
 */
export async function warmWrittenSources(sources: readonly RecordSource[]): Promise<void> {
  const scratch = new ByteBuilder(1 << 20);
  for (const source of sources) {
    if (!WRITTEN_T3_KEYS.includes(source.name)) continue;
    for (let i = 0; i < source.count; i++) {
      source.emit(i, scratch, 1, PYTHON_INDENT_4);
      scratch.clear();
      // Let messages (and signals) in now and then.
      if (i % 5000 === 4999) await new Promise((r) => setImmediate(r));
    }
  }
}

/** One output file: its temp path and the records (packRef refs into the 14 sources). */
export interface ReferenceJob {
  temp: string;
  refs: Float64Array;
  /** The file uses LLaVA records (written from their source bytes; no cache needed). */
  llava: boolean;
}

/**
 * Writes jobs as the queue hands them out. `ready(job)` resolves when this thread may
 * write the job (T3 files wait for the T3 records' layout).
 */
export async function writeQueued(
  jobs: readonly ReferenceJob[],
  sources: readonly RecordSource[],
  queue: SharedQueue,
  hooks: {
    ready: (job: ReferenceJob) => Promise<void>;
    onStart?: (k: number) => void;
    onWritten: (k: number, bytes: number) => void;
  },
): Promise<TaskFailure | null> {
  for (let k = queue.take(); k >= 0; k = queue.take()) {
    try {
      await hooks.ready(jobs[k]);
      hooks.onStart?.(k);
      hooks.onWritten(
        k,
        await writeMixRecordsTo(jobs[k].temp, jobs[k].refs, sources, "llava-json"),
      );
    } catch (error) {
      queue.stop();
      return { k, error };
    }
  }
  return null;
}
