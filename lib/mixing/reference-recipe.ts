/**
 * The paper's reference mixing recipe (released `t3_sft/data_creation.py`, HEAD c632e4b),
 * reproduced byte for byte: the same 12 files, records, order and bytes, given the same
 * Open-LLaVA-NeXT mix1M file and the 13 Video-T3-QA files. Every random draw comes from
 * one CPython-compatible generator seeded with 1234, in the original's order; records are
 * never parsed into objects, only re-emitted from their bytes. On the 1M-record mix it
 * runs more than ten times faster than the Python original (bench/mix-bench.ts).
 * Explained in notebooks/03-data-mixing.ipynb, "The reference recipe".
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/index";
import { PythonRandom } from "../pyrandom/index";
import { type RecordSource, loadFileSource } from "./record-source";
import { LLAVA_KEY, T3_FILES, compositionName, t3IdPrefix } from "./t3-files";
import { packRef, refIndex, refSource, writeMixFile } from "./write-mix-file";

/** The constants of the released script. */
export const REFERENCE_SEED = 1234;
export const REFERENCE_PER = 100_000;
export const REFERENCE_LRATIO = 2;
export const REFERENCE_TOTALS: readonly number[] = [100_000, 200_000];

const SHUF = [
  "temp_qa_order_shuffle_phrase_train",
  "temp_qa_order_shuffle_prefix_train",
  "temp_qa_order_shuffle_sentence_train",
];
const REFER = ["temp_qa_refer_anchor_temp2any_train", "temp_qa_refer_begin_end_temp2any_train"];

/** The six compositions at HEAD, in order (keys of the released script). */
export const REFERENCE_COMPOSITIONS: readonly (readonly string[])[] = [
  [...SHUF, ...REFER],
  [...SHUF, "tempqa_v2_order_long_1x"],
  [...SHUF, "tempqa_v2_attribute_long_1x"],
  [...SHUF, "tempqa_v2_order_long_1x", "tempqa_v2_attribute_long_1x"],
  [...SHUF, "tempqa_v2_order_long_1x", "tempqa_v2_attribute_long_1x", ...REFER],
  [LLAVA_KEY],
];

export interface ReferenceRecipeOptions {
  /** The Open-LLaVA-NeXT mix1M JSON file. */
  llava: string;
  /** One folder holding the 13 Video-T3-QA files. */
  t3Dir: string;
  /** Where the 12 files go. */
  outDir: string;
  /** Overwrite files that exist (the original leaves them alone). */
  force?: boolean;
  /** Progress lines (records read, files written), for stderr. */
  onProgress?: (message: string) => void;
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
  const say = options.onProgress ?? (() => {});
  for (const f of T3_FILES) {
    const p = join(options.t3Dir, f.file);
    if (!existsSync(p))
      throw new InputError(
        { file: p },
        `missing Video-T3-QA file (key ${f.key}); the recipe needs all 13 in one folder`,
      );
  }
  const rng = new PythonRandom(REFERENCE_SEED);
  const sources: RecordSource[] = [];
  const lists: Uint32Array[] = [];
  const keyIndex = new Map<string, number>();
  try {
    const add = (key: string, source: RecordSource) => {
      keyIndex.set(key, sources.length);
      sources.push(source);
      lists.push(identity(source.count));
    };
    say(`reading ${options.llava}`);
    let lastMb = 0;
    add(
      LLAVA_KEY,
      await loadFileSource(LLAVA_KEY, options.llava, "llava", {
        keepBytes: true,
        // LLaVA records are written at most twice: caching them costs more than it saves.
        validate: "structure",
        onProgress: (bytes, records) => {
          if (bytes - lastMb >= 256 << 20) {
            lastMb = bytes;
            say(`  read ${(bytes / 2 ** 20).toFixed(0)} MiB, ${records} records`);
          }
        },
      }),
    );
    say(`  ${sources[0].count} LLaVA records`);
    rng.shuffleIndices(lists[0]);
    for (const f of T3_FILES) {
      const file = join(options.t3Dir, f.file);
      // Only files that some composition writes are kept in memory; the rest are scanned.
      const keepBytes = REFERENCE_COMPOSITIONS.some((c) => c.includes(f.key));
      add(
        f.key,
        await loadFileSource(f.key, file, "t3-pairs", {
          idPrefix: t3IdPrefix(f),
          keepBytes,
          cacheEmitted: keepBytes,
          validate: "structure",
        }),
      );
      say(`  ${f.file}: ${sources[sources.length - 1].count} pairs`);
    }
    for (const list of lists) rng.shuffleIndices(list);

    // First every draw and every decision (as the original makes them, in order), then a
    // full check of every record some file will hold, and only then any writing: bad
    // input stops the run before a single file is written.
    const outputs: ReferenceOutput[] = [];
    const planned: { refs: Float64Array; output: ReferenceOutput }[] = [];
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
          continue;
        }
        willExist.add(file);
        const output: ReferenceOutput = { ...base, status: "written" };
        outputs.push(output);
        planned.push({ refs: d, output });
      }
    }
    say(
      `checking the records to write (${planned.reduce((n, p) => n + p.refs.length, 0)} references)`,
    );
    for (const p of planned) {
      for (let k = 0; k < p.refs.length; k++)
        sources[refSource(p.refs[k])].check?.(refIndex(p.refs[k]));
    }
    for (const o of outputs) {
      const p = planned.find((x) => x.output === o);
      if (!p) {
        say(`kept ${o.file} (exists; --force overwrites)`);
        continue;
      }
      say(`writing ${o.file} (${o.records} records)`);
      o.bytes = await writeMixFile(o.file, p.refs, sources, "llava-json");
    }
    return outputs;
  } finally {
    for (const s of sources) s.close();
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
    const limit =
      comp.length === 1
        ? total
        : key === LLAVA_KEY
          ? (comp.length - 1) * REFERENCE_PER * REFERENCE_LRATIO
          : REFERENCE_PER;
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
