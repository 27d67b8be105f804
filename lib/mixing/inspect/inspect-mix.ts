/**
 * `mix inspect`: a streaming pass over a mix's records (any number of files) that
 * gathers its composition (mix-composition.ts), its exact duplicates (equal after
 * normalising whitespace and case, media included), its near duplicates
 * (near-duplicate-index.ts) and its contamination with validation or benchmark items
 * (contamination-index.ts). A first scan counts the records and cuts them into one
 * contiguous share per thread (plan-inspection-segments.ts); each share is inspected on
 * its own worker thread (inspect-segments.ts) and the shares are joined here in mix
 * order, so the result is the same for any number of threads. Memory: per record an id
 * and a few numbers, 256 bytes of MinHash signature, and the records being
 * token-counted in one batch.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { OnProgress, Progress } from "../../progress/index";
import { type ThreadError, errorFromThread, startWorker } from "../../threads/index";
import type { TemplateName } from "../../token-counting/index";
import { type AgainstItem, ContaminationIndex } from "./contamination-index";
import { type SegmentInspection, type SegmentSettings, inspectSegments } from "./inspect-segments";
import { type CompositionRow, MixComposition } from "./mix-composition";
import { BINS, NearDuplicateIndex } from "./near-duplicate-index";
import { type InspectionSegment, planInspectionSegments } from "./plan-inspection-segments";
import { readAgainstItems } from "./read-against-items";
import { mixFilesOf } from "./read-mix-files";
import { t3TemplateSentences } from "./t3-template-sentences";

export interface InspectOptions {
  /** Validation or benchmark files to check the mix against. */
  against?: readonly string[];
  /** Tokenizer for the token shares (qwen2, cl100k, o200k, words; default words). */
  tokenizer?: string;
  /** Chat template around the turns (default longva, the paper's run). */
  template?: TemplateName;
  /** Estimated Jaccard similarity from which two records are near duplicates (default 0.7). */
  nearThreshold?: number;
  /**
   * Worker threads (default: one per core, at most 4, for mixes over 32 MB; 1 inspects
   * on the calling thread). The result does not depend on it.
   */
  threads?: number;
  onProgress?: OnProgress;
}

export interface DuplicateGroup {
  kind: "exact" | "near";
  ids: string[];
}

export interface ContaminationFlag {
  id: string;
  against: string;
  item: string;
  kind: "verbatim" | "overlap";
  score: number;
}

export interface MixInspection {
  files: string[];
  records: number;
  composition: CompositionRow[];
  duplicates: DuplicateGroup[];
  contamination: ContaminationFlag[];
  tokenizer: string;
  /** Items checked against, and those too short (under 6 words) to check. */
  againstItems: number;
  tooShortItems: number;
}

/** Mixes under this size are inspected on the calling thread (a worker's start costs more). */
const THREADED_BYTES = 32 << 20;

type WorkerReply = { progress: Progress } | { result: SegmentInspection } | { error: ThreadError };

/** Runs each thread's segments on a worker (or inline for one), results in mix order. */
async function inspectShares(
  shares: InspectionSegment[][],
  settings: SegmentSettings,
  onProgress?: OnProgress,
): Promise<SegmentInspection[]> {
  const total = settings.mixRecords;
  if (shares.length === 1)
    return [await inspectSegments(shares[0], settings, (p) => onProgress?.({ ...p, total }))];
  const done = new Array<number>(shares.length).fill(0);
  const workers = shares.map((segments) =>
    startWorker(join(__dirname, "inspect-worker-body.ts"), { segments, settings }),
  );
  try {
    return await Promise.all(
      workers.map(
        (w, k) =>
          new Promise<SegmentInspection>((resolve, reject) => {
            w.on("message", (m: WorkerReply) => {
              if ("progress" in m) {
                done[k] = m.progress.done ?? done[k];
                onProgress?.({ done: done.reduce((s, x) => s + x, 0), total, unit: "records" });
              } else if ("result" in m) resolve(m.result);
              else reject(errorFromThread(m.error, `inspection thread ${k + 1}`));
            });
            w.on("error", reject);
            w.on("exit", (code) =>
              reject(new Error(`inspection thread ${k + 1} exited (${code})`)),
            );
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Inspects the records of `paths` (files or folders). */
export async function inspectMix(
  paths: readonly string[],
  options: InspectOptions = {},
): Promise<MixInspection> {
  const files = mixFilesOf(paths);
  const items: AgainstItem[] = options.against ? await readAgainstItems(options.against) : [];
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const threads =
    options.threads ?? (bytes < THREADED_BYTES ? 1 : Math.min(4, availableParallelism()));
  options.onProgress?.({ note: "counting the mix's records" });
  const plan = await planInspectionSegments(files, Math.max(1, threads));
  const tokenizer = options.tokenizer ?? "words";
  const settings: SegmentSettings = {
    tokenizer,
    template: options.template ?? "longva",
    qualifyIds: files.length > 1,
    against: items,
    mixRecords: plan.records,
  };
  const shares = await inspectShares(plan.threads, settings, options.onProgress);
  options.onProgress?.({ note: "grouping duplicates" });
  const contamination =
    items.length > 0
      ? new ContaminationIndex(items, t3TemplateSentences(), plan.records)
      : undefined;
  const near = new NearDuplicateIndex(options.nearThreshold ?? 0.7);
  const composition = new MixComposition();
  const firstOf = new Map<number, number>();
  const exactGroups = new Map<number, number[]>();
  const ids: string[] = [];
  let offset = 0;
  for (const share of shares) {
    for (let s = 0; s < share.records; s++) {
      const i = offset + s;
      ids.push(share.ids[s]);
      const key = share.contentKeys[s];
      const first = firstOf.get(key);
      if (first === undefined) {
        firstOf.set(key, i);
        if (share.signed[s] === 1)
          near.addSignature(
            i,
            share.signatures.subarray(s * BINS, (s + 1) * BINS),
            share.mediaKeys[s],
          );
      } else {
        const g = exactGroups.get(first);
        if (g) g.push(i);
        else exactGroups.set(first, [first, i]);
      }
      const letter = share.letters[s];
      composition.add(
        share.partNames[share.parts[s]],
        share.tokens[s],
        share.turns[s],
        letter === 0 ? undefined : String.fromCharCode(letter),
      );
    }
    if (share.contamination) contamination?.absorb(share.contamination, offset);
    offset += share.records;
  }
  options.onProgress?.({ note: "grouping near duplicates" });
  const duplicates: DuplicateGroup[] = [
    ...[...exactGroups.values()].map((g) => ({
      kind: "exact" as const,
      ids: g.map((k) => ids[k]),
    })),
    ...near
      .groups()
      .map((g) => ({ kind: "near" as const, ids: g.sort((a, b) => a - b).map((k) => ids[k]) })),
  ];
  const flags = (contamination?.hits() ?? []).map((h) => ({
    id: ids[h.record],
    against: items[h.item].against,
    item: items[h.item].item,
    kind: h.kind,
    score: h.score,
  }));
  return {
    files,
    records: offset,
    composition: composition.rows(),
    duplicates,
    contamination: flags,
    tokenizer,
    againstItems: items.length,
    tooShortItems: contamination?.tooShort ?? 0,
  };
}
