import { existsSync, mkdirSync, rmdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../../errors/index";
import { requireInputFile, requireInputFolder, requireOutputFolder } from "../../files/index";
import { type HubOptions, localInputPath } from "../../hub/index";
/**
 * The paper's reference mixing recipe (released `t3_sft/data_creation.py`, HEAD c632e4b),
 * reproduced byte for byte: the same 12 files, records, order and bytes, given the same
 * Open-LLaVA-NeXT mix1M file and the 13 Video-T3-QA files. Every random draw comes from
 * one CPython-compatible generator seeded with 1234, in the original's order; records are
 * never parsed into objects, only re-emitted from their bytes. Two threads share the
 * scanning and the writing (reference-work.ts). bench/mix-bench.ts measures it against
 * the Python original. Explained in notebooks/03-data-mixing.ipynb, "The reference recipe".
 */
import type { OnProgress } from "../../progress/index";
import { PythonRandom } from "../../pyrandom/index";
import { llavaRecordProblem } from "../../records/index";
import { T3_FILES } from "../../records/index";
import { usedIndices } from "../sources/keep-used-records";
import { packRef, refIndex } from "../sources/record-refs";
import {
  type RecordSource,
  joinSources,
  keepRecords,
  loadFileSource,
  shareSource,
  sourceFromShared,
} from "../sources/record-source";
import { LLAVA_KEY, REFERENCE_COMPOSITIONS, compositionName } from "./reference-compositions";
import { SecondThread } from "./reference-thread-link";
import {
  type ReferenceInput,
  type ReferenceJob,
  SharedQueue,
  type TaskFailure,
  firstFailure,
  referenceInputs,
  scanQueued,
  warmWrittenSources,
  writeQueued,
} from "./reference-work";
import { refuseReferenceOverInputs } from "./refuse-reference-over-inputs";
import { TempOutputs } from "./temp-outputs";

/** The constants of the released script. */
export const REFERENCE_SEED = 1234;
export const REFERENCE_PER = 100_000;
export const REFERENCE_LRATIO = 2;
export const REFERENCE_TOTALS: readonly number[] = [100_000, 200_000];

export interface ReferenceRecipeOptions {
  /** The Open-LLaVA-NeXT mix1M JSON file (or a `hub:` path to it, fetched first). */
  llava: string;
  /** One folder holding the 13 Video-T3-QA files. */
  t3Dir: string;
  /** Where the 12 files go. */
  outDir: string;
  /** Overwrite files that exist (the original leaves them alone). */
  force?: boolean;
  /** 2 (default): two threads share the scanning and the writing; 1: all on this thread. */
  threads?: 1 | 2;
  /**
   * LLaVA files of at least this many bytes are scanned in two halves, and only the records
   * written are kept (default 256 MiB); smaller ones are kept whole.
   */
  splitLlavaAbove?: number;
  /** Progress lines (records read, files written), for stderr. */
  onProgress?: OnProgress;
  /** How a `hub:` llava is fetched (download progress, retry notices). */
  hub?: HubOptions;
  /** What the caller calls the three inputs, for errors (the command line: its flags). */
  inputNames?: { llava: string; t3Dir: string; outDir: string };
}

/** One of the 12 outputs. */
export interface ReferenceOutput {
  file: string;
  composition: string[];
  total: number;
  records: number;
  /** "written", or "kept" when the file existed and force was off. */
  status: "written" | "kept";
  bytes?: number;
}

/** The output file name the released script gives a composition. */
export function referenceFileName(composition: readonly string[], records: number): string {
  return `${compositionName(composition)}_per${REFERENCE_PER}_total${records}_lRatio${REFERENCE_LRATIO}.json`;
}

/**
 * Runs the recipe; returns the 12 outputs in the order the original writes them. The
 * inputs are checked first (a missing file or folder, an output folder that is a file);
 * a `hub:` llava is fetched into the Hub cache.
 */
export async function runReferenceRecipe(
  given: ReferenceRecipeOptions,
): Promise<ReferenceOutput[]> {
  const options = await checkedInputs(given);
  const say = (note: string) => options.onProgress?.({ note });
  refuseReferenceOverInputs(
    REFERENCE_COMPOSITIONS,
    { per: REFERENCE_PER, lRatio: REFERENCE_LRATIO },
    options.outDir,
    options.llava,
    options.t3Dir,
  );
  for (const f of T3_FILES) {
    const p = join(options.t3Dir, f.file);
    if (!existsSync(p))
      throw new InputError(
        { file: p },
        `missing Video-T3-QA file (key ${f.key}); the recipe needs all 13 in one folder`,
      );
  }
  const inputs = referenceInputs(options.llava, options.t3Dir, options.splitLlavaAbove);
  const scanQueue = new SharedQueue(inputs.length);
  const jobQueueMemory = new SharedArrayBuffer(8);
  const temps = new TempOutputs();
  const jobs: ReferenceJob[] = [];
  const jobOutputs: ReferenceOutput[] = [];
  // Queue position → job: both threads take files in this order.
  let order: number[] = [];
  const sayWriting = (k: number) => {
    const output = jobOutputs[order[k]];
    say(`writing ${output.file} (${output.records} records)`);
  };
  const second =
    options.threads === 1
      ? null
      : new SecondThread(
          { inputs, scanQueue: scanQueue.memory, jobQueue: jobQueueMemory },
          sayWriting,
        );
  const mine = new Map<number, { source: RecordSource; aligned: boolean }>();
  let madeOutDir = false;
  try {
    // 1. Scan the inputs, each thread taking the next one (the LLaVA file, or its halves, first).
    say(`reading ${options.llava}`);
    const scanFailures = await scanQueued(
      inputs,
      scanQueue,
      (k, source, aligned) => mine.set(k, { source, aligned }),
      llavaProgress(say),
    );
    if (second) scanFailures.push(...(await second.scansDone()));
    const scanned = (k: number) => {
      const own = mine.get(k);
      if (own) return own;
      const theirs = second!.scanned.get(k)!;
      return { source: sourceFromShared(theirs.source), aligned: theirs.aligned };
    };
    const sources = await assembleSources(inputs, scanFailures, scanned, options.llava);
    say(`  ${sources[0].count} LLaVA records`);
    T3_FILES.forEach((f, k) => say(`  ${f.file}: ${sources[k + 1].count} pairs`));

    // 2. The second thread lays out the written T3 records while this one draws.
    second?.sendSources(sources.map((s) => shareSource(s)));
    const outputs = planOutputs(sources, options, jobs, jobOutputs, say);
    const llavaLists = jobs.filter((j) => j.llava).map((j) => j.refs);
    if (!inputs[0].options.keepBytes)
      sources[0] = keepRecords(sources[0], usedIndices(llavaLists, 0, sources[0].count));
    if (jobs.length > 0 && !existsSync(options.outDir)) {
      mkdirSync(options.outDir, { recursive: true });
      madeOutDir = true;
    }
    jobs.forEach((j, k) => {
      j.temp = temps.reserve(jobOutputs[k].file);
    });

    // 3. Write, each thread taking the next file (the LLaVA ones, which need no layout
    // cache, first); then, only if every record checked out, rename all at once.
    order = writingOrder(jobs);
    const queued = order.map((k) => jobs[k]);
    second?.sendJobs(queued, shareSource(sources[0]));
    // Checked while the second thread starts writing (nothing is renamed before the end).
    checkWrittenLlava(sources[0], llavaLists);
    const warm = second ? takeWarmed(second, sources) : warmWrittenSources(sources);
    warm.catch(() => undefined);
    const written = new Map<number, number>();
    const jobFailures = [
      await writeQueued(queued, sources, new SharedQueue(queued.length, jobQueueMemory), {
        ready: (job) => (job.llava ? Promise.resolve() : warm),
        onStart: sayWriting,
        onWritten: (k, bytes) => written.set(k, bytes),
      }),
    ];
    if (second) jobFailures.push(await second.jobsDone());
    throwFirst(jobFailures);
    for (const [k, bytes] of [...written, ...(second?.written ?? [])])
      jobOutputs[order[k]].bytes = bytes;
    temps.commitAll();
    return outputs;
  } catch (e) {
    temps.abortAll();
    // A folder this run made, and left empty, goes too.
    if (madeOutDir) {
      try {
        rmdirSync(options.outDir);
      } catch {
        // not empty after all (another writer): left as it is
      }
    }
    throw e;
  } finally {
    for (const s of mine.values()) s.source.close();
    await second?.close();
  }
}

/** The options with the llava file local and every path checked, then made absolute. */
async function checkedInputs(options: ReferenceRecipeOptions): Promise<ReferenceRecipeOptions> {
  const names = options.inputNames ?? { llava: "llava", t3Dir: "t3Dir", outDir: "outDir" };
  const llava = await localInputPath(options.llava, options.hub);
  requireInputFile(llava, names.llava);
  requireInputFolder(options.t3Dir, names.t3Dir);
  requireOutputFolder(options.outDir, names.outDir);
  return {
    ...options,
    llava: resolve(llava),
    t3Dir: resolve(options.t3Dir),
    outDir: resolve(options.outDir),
  };
}

/**
 * The 14 sources from the scans, or the first error, as one thread loading the files in
 * order would meet it. The LLaVA file's halves are joined when the first half ended on an
 * element boundary; a failure in the second half is then found again by one scan of the
 * whole file, whose error names the record by its index in the file.
 */
async function assembleSources(
  inputs: readonly ReferenceInput[],
  found: readonly TaskFailure[],
  scanned: (k: number) => { source: RecordSource; aligned: boolean },
  llava: string,
): Promise<RecordSource[]> {
  const split = inputs[1].source === 0;
  const firstHalf = found.find((f) => f.k === 0);
  if (firstHalf) throw firstHalf.error;
  let llavaSource: RecordSource | null = null;
  if (split) {
    const first = scanned(0);
    const secondHalfFailed = found.some((f) => f.k === 1);
    if (!first.aligned) llavaSource = first.source;
    else if (secondHalfFailed) llavaSource = await loadFileSource(LLAVA_KEY, llava, "llava", {});
    else llavaSource = joinSources(first.source, scanned(1).source);
  }
  throwFirst(found.filter((f) => !(split && f.k === 1)));
  const sources: RecordSource[] = [];
  inputs.forEach((input, k) => {
    if (input.source === 0 && split) return;
    sources[input.source] = scanned(k).source;
  });
  if (llavaSource) sources[0] = llavaSource;
  return sources;
}

/** Progress lines while the LLaVA file (input 0) is read, every 256 MiB. */
function llavaProgress(say: (note: string) => void): (k: number) => OnProgress | undefined {
  let lastMb = 0;
  return (k) =>
    k !== 0
      ? undefined
      : ({ done: bytes = 0, note: records }) => {
          if (bytes - lastMb >= 256 << 20) {
            lastMb = bytes;
            say(`  read ${(bytes / 2 ** 20).toFixed(0)} MiB, ${records}`);
          }
        };
}

function throwFirst(failures: (TaskFailure | null)[]): void {
  const first = firstFailure(failures.filter((f): f is TaskFailure => f !== null));
  if (first) throw first.error;
}

/** The second thread's laid-out T3 sources, put in place of this thread's. */
async function takeWarmed(second: SecondThread, sources: RecordSource[]): Promise<void> {
  const { failure, sources: warmed } = await second.warmed();
  if (failure) throw failure.error;
  warmed.forEach((d, k) => {
    if (d) sources[k] = sourceFromShared(d);
  });
}

/** Files with LLaVA records first, then the T3 files, the largest first in each. */
function writingOrder(jobs: readonly ReferenceJob[]): number[] {
  return jobs
    .map((_, k) => k)
    .sort(
      (a, b) =>
        Number(jobs[b].llava) - Number(jobs[a].llava) ||
        jobs[b].refs.length - jobs[a].refs.length ||
        a - b,
    );
}

/**
 * Every draw and every decision, as the original makes them, in order: the 12 outputs;
 * the ones to write become `jobs` (with `jobOutputs[k]` their output).
 */
function planOutputs(
  sources: readonly RecordSource[],
  options: ReferenceRecipeOptions,
  jobs: ReferenceJob[],
  jobOutputs: ReferenceOutput[],
  say: (note: string) => void,
): ReferenceOutput[] {
  const rng = new PythonRandom(REFERENCE_SEED);
  const lists = sources.map((s) => identity(s.count));
  const keyIndex = new Map<string, number>(inputsKeyOrder().map((key, k) => [key, k]));
  rng.shuffleIndices(lists[0]);
  for (const list of lists) rng.shuffleIndices(list);
  const outputs: ReferenceOutput[] = [];
  const willExist = new Set<string>();
  for (const total of REFERENCE_TOTALS) {
    for (const comp of REFERENCE_COMPOSITIONS) {
      const refs = compose(comp, total, lists, keyIndex);
      rng.shuffleIndices(refs);
      const d = refs.subarray(0, Math.min(total, refs.length));
      const file = join(options.outDir, referenceFileName(comp, d.length));
      const base = { file, composition: [...comp], total, records: d.length };
      if ((existsSync(file) || willExist.has(file)) && !options.force) {
        outputs.push({ ...base, status: "kept" });
        say(`kept ${file} (exists; --force overwrites)`);
        continue;
      }
      willExist.add(file);
      const output: ReferenceOutput = { ...base, status: "written" };
      outputs.push(output);
      const usesLlava = comp.includes(LLAVA_KEY);
      if (usesLlava && comp.length > 1)
        throw new Error("a composition mixing LLaVA and T3 is not a released one");
      jobs.push({ refs: d, temp: "", llava: usesLlava });
      jobOutputs.push(output);
    }
  }
  return outputs;
}

/** The keys of the 14 inputs, in load order (LLaVA first). */
function inputsKeyOrder(): string[] {
  return [LLAVA_KEY, ...T3_FILES.map((f) => f.key)];
}

/**
 * The record shape every stage checks (lib/records), on each LLaVA record the recipe
 * writes, once: the released script copies anything, a gpt-first or answerless record
 * included, and the training run fails on it much later.
 */
function checkWrittenLlava(llava: RecordSource, lists: Float64Array[]): void {
  const seen = new Uint8Array(llava.count);
  for (const refs of lists)
    for (let k = 0; k < refs.length; k++) {
      const i = refIndex(refs[k]);
      if (seen[i]) continue;
      seen[i] = 1;
      // From the record's bytes where the source can (no objects built: 1-2 s on 200k records).
      const p = llava.llavaFacts
        ? llava.llavaFacts(i).problem
        : llavaRecordProblem(llava.record(i));
      if (p) throw new InputError({ file: llava.file, record: i, field: p.field }, p.problem);
    }
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** `d` before its shuffle: one key's first `total`, or the concatenation with the lRatio rule. */
function compose(
  comp: readonly string[],
  total: number,
  lists: Uint32Array[],
  keyIndex: Map<string, number>,
): Float64Array {
  const parts: { source: number; take: number }[] = comp.map((key) => {
    const source = keyIndex.get(key)!;
    // A single key takes `total`; in a composition each T3 key takes `per`. (The released
    // script's LLaVA share, (keys - 1) x per x lRatio, never applies: no released
    // composition puts LLaVA beside T3, and runReferenceRecipe refuses one that would.)
    const limit = comp.length === 1 ? total : REFERENCE_PER;
    return { source, take: Math.min(limit, lists[source].length) };
  });
  const refs = new Float64Array(parts.reduce((n, p) => n + p.take, 0));
  let k = 0;
  for (const p of parts) {
    const list = lists[p.source];
    for (let i = 0; i < p.take; i++) refs[k++] = packRef(p.source, list[i]);
  }
  return refs;
}
