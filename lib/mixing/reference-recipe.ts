import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/index";
/**
 * The paper's reference mixing recipe (released `t3_sft/data_creation.py`, HEAD c632e4b),
 * reproduced byte for byte: the same 12 files, records, order and bytes, given the same
 * Open-LLaVA-NeXT mix1M file and the 13 Video-T3-QA files. Every random draw comes from
 * one CPython-compatible generator seeded with 1234, in the original's order; records are
 * never parsed into objects, only re-emitted from their bytes. On the 1M-record mix it
 * runs more than ten times faster than the Python original (bench/mix-bench.ts).
 * Explained in notebooks/03-data-mixing.ipynb, "The reference recipe".
 */
import type { OnProgress } from "../progress/index";
import { PythonRandom } from "../pyrandom/index";
import { llavaRecordProblem } from "../records/index";
import { T3_FILES } from "../records/t3-vocabulary";
import { type ThreadError, errorFromThread, startWorker } from "../threads/index";
import { type RecordSource, loadFileSource } from "./record-source";
import { LLAVA_KEY, REFERENCE_COMPOSITIONS, compositionName } from "./reference-compositions";
import { loadT3Sources } from "./reference-t3-sources";
import { refuseReferenceOverInputs } from "./refuse-reference-over-inputs";
import { TempOutputs } from "./temp-outputs";
import { packRef, refIndex, refSource, writeMixRecordsTo } from "./write-mix-file";

/** The constants of the released script. */
export const REFERENCE_SEED = 1234;
export const REFERENCE_PER = 100_000;
export const REFERENCE_LRATIO = 2;
export const REFERENCE_TOTALS: readonly number[] = [100_000, 200_000];

export interface ReferenceRecipeOptions {
  /** The Open-LLaVA-NeXT mix1M JSON file. */
  llava: string;
  /** One folder holding the 13 Video-T3-QA files. */
  t3Dir: string;
  /** Where the 12 files go. */
  outDir: string;
  /** Overwrite files that exist (the original leaves them alone). */
  force?: boolean;
  /** 2 (default): T3 files on a second thread; 1: everything on this thread. */
  threads?: 1 | 2;
  /** Progress lines (records read, files written), for stderr. */
  onProgress?: OnProgress;
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

/** Runs the recipe; returns the 12 outputs in the order the original writes them. */
export async function runReferenceRecipe(
  options: ReferenceRecipeOptions,
): Promise<ReferenceOutput[]> {
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
  // Two threads: the T3 files are scanned (and later their mixes written) on a second
  // thread while this one does the same for the LLaVA file. The draws need only the
  // sizes, so they are the original's, in its order, whatever the threads do.
  const t3 = options.threads === 1 ? inThreadT3(options.t3Dir) : workerT3(options.t3Dir);
  const temps = new TempOutputs();
  let llava: RecordSource | null = null;
  try {
    say(`reading ${options.llava}`);
    let lastMb = 0;
    llava = await loadFileSource(LLAVA_KEY, options.llava, "llava", {
      keepBytes: true,
      // Checked in full while scanned (as fast here as a structure-only scan followed by
      // a check of the records written). The 100k file's records are laid out again for
      // the 200k file rather than cached: keeping their output bytes (190 MB of fresh
      // memory) cost as much time as re-emitting them, and 15% more peak memory.
      cacheEmitted: false,
      onProgress: ({ done: bytes = 0, note: records }) => {
        if (bytes - lastMb >= 256 << 20) {
          lastMb = bytes;
          say(`  read ${(bytes / 2 ** 20).toFixed(0)} MiB, ${records}`);
        }
      },
    });
    say(`  ${llava.count} LLaVA records`);
    const t3Counts = await t3.counts;
    T3_FILES.forEach((f, k) => say(`  ${f.file}: ${t3Counts[k]} pairs`));

    const rng = new PythonRandom(REFERENCE_SEED);
    const lists = [identity(llava.count), ...t3Counts.map(identity)];
    const keyIndex = new Map<string, number>([
      [LLAVA_KEY, 0],
      ...T3_FILES.map((f, k) => [f.key, k + 1] as [string, number]),
    ]);
    rng.shuffleIndices(lists[0]);
    for (const list of lists) rng.shuffleIndices(list);

    // Every draw and every decision first, as the original makes them, in order; then the
    // files, to temp names; then, only if every record checked out, all renamed at once.
    const outputs: ReferenceOutput[] = [];
    const jobs: { refs: Float64Array; output: ReferenceOutput; temp: string; llava: boolean }[] =
      [];
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
          throw new Error("a composition mixing LLaVA and T3 needs both threads' sources");
        jobs.push({ refs: d, output, temp: "", llava: usesLlava });
      }
    }
    checkWrittenLlava(
      llava,
      jobs.filter((j) => j.llava).map((j) => j.refs),
    );
    mkdirSync(options.outDir, { recursive: true });
    for (const j of jobs) j.temp = temps.reserve(j.output.file);
    const t3Jobs = jobs.filter((j) => !j.llava);
    for (const j of t3Jobs) say(`writing ${j.output.file} (${j.output.records} records)`);
    const t3Written = t3.write(t3Jobs.map((j) => ({ temp: j.temp, refs: j.refs })));
    const mine = jobs.filter((j) => j.llava);
    const mainWritten = (async () => {
      for (const j of mine)
        for (let k = 0; k < j.refs.length; k++) llava!.check?.(refIndex(j.refs[k]));
      for (const j of mine) {
        say(`writing ${j.output.file} (${j.output.records} records)`);
        j.output.bytes = await writeMixRecordsTo(j.temp, j.refs, [llava!], "llava-json");
      }
    })();
    const [t3Bytes] = await Promise.all([t3Written, mainWritten]);
    t3Jobs.forEach((j, k) => {
      j.output.bytes = t3Bytes[k];
    });
    temps.commitAll();
    return outputs;
  } catch (e) {
    temps.abortAll();
    throw e;
  } finally {
    llava?.close();
    await t3.close();
  }
}

/** The T3 side of the recipe: sizes first, then writing the T3-only mixes it is given. */
interface T3Side {
  counts: Promise<number[]>;
  write(jobs: { temp: string; refs: Float64Array }[]): Promise<number[]>;
  close(): Promise<void>;
}

function inThreadT3(t3Dir: string): T3Side {
  const sources = loadT3Sources(t3Dir);
  return {
    counts: sources.then((s) => s.map((x) => x.count)),
    async write(jobs) {
      const s = await sources;
      for (const j of jobs)
        for (let k = 0; k < j.refs.length; k++)
          s[refSource(j.refs[k]) - 1].check?.(refIndex(j.refs[k]));
      const bytes: number[] = [];
      for (const j of jobs) bytes.push(await writeMixRecordsTo(j.temp, j.refs, s, "llava-json", 1));
      return bytes;
    },
    async close() {
      for (const x of await sources.catch(() => [] as RecordSource[])) x.close();
    },
  };
}

function workerT3(t3Dir: string): T3Side {
  const worker = startWorker(join(__dirname, "reference-t3-worker.ts"), { t3Dir });
  const next = () =>
    new Promise<{ type: string; counts?: number[]; bytes?: number[] }>((resolve, reject) => {
      const onMessage = (m: { type: string; error?: ThreadError }) => {
        cleanup();
        if (m.type !== "error") resolve(m as { type: string; counts?: number[]; bytes?: number[] });
        else reject(errorFromThread(m.error!, "T3 thread"));
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
    });
  const counts = next().then((m) => m.counts!);
  counts.catch(() => undefined);
  return {
    counts,
    async write(jobs) {
      const reply = next();
      worker.postMessage({ type: "write", jobs });
      return (await reply).bytes!;
    },
    async close() {
      await worker.terminate();
    },
  };
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
      const p = llava.llavaShapeProblem
        ? llava.llavaShapeProblem(i)
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
