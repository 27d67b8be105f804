/**
 * `mix inspect`: one streaming pass over a mix's records (any number of files) that
 * gathers its composition (mix-composition.ts), its exact duplicates (equal after
 * normalising whitespace and case, media included), its near duplicates
 * (near-duplicate-index.ts) and its contamination with validation or benchmark items
 * (contamination-index.ts). Memory: per record an id and a few numbers, 256 bytes of
 * MinHash signature, and the records being token-counted in one batch.
 */
import type { OnProgress } from "../../progress/index";
import {
  type Conversation,
  type TemplateName,
  countConversations,
} from "../../token-counting/index";
import { classifyRecord } from "./classify-record";
import { type AgainstItem, ContaminationIndex } from "./contamination-index";
import { WordHasher, mix32 } from "./hash-words";
import { type CompositionRow, MixComposition } from "./mix-composition";
import { NearDuplicateIndex } from "./near-duplicate-index";
import { readAgainstItems } from "./read-against-items";
import { mixFilesOf, readMixFiles } from "./read-mix-files";
import type { MixRecord } from "./read-mix-record";
import { recordContentKey } from "./record-content-key";
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

const BATCH = 2000;

/** A conversation for token-counting from an inspected record. */
function conversationOf(r: MixRecord): Conversation {
  return {
    id: r.id,
    source: "",
    turns: r.turns,
    images: r.images,
    videos: r.videos,
    mediaField: r.images.length > 0 || r.videos.length === 0 ? "image" : "video",
    ...(r.videos.length > 0 ? { videoField: "video" } : {}),
  };
}

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** Inspects the records of `paths` (files or folders). */
export async function inspectMix(
  paths: readonly string[],
  options: InspectOptions = {},
): Promise<MixInspection> {
  const files = mixFilesOf(paths);
  const items: AgainstItem[] = options.against ? await readAgainstItems(options.against) : [];
  const contamination =
    items.length > 0 ? new ContaminationIndex(items, t3TemplateSentences()) : undefined;
  const near = new NearDuplicateIndex(options.nearThreshold ?? 0.7);
  const composition = new MixComposition();
  const hasher = new WordHasher();
  const firstOf = new Map<number, number>();
  const exactGroups = new Map<number, number[]>();
  const ids: string[] = [];
  const tokenizer = options.tokenizer ?? "words";
  const countOptions = { tokenizer, template: options.template ?? "longva" } as const;
  let batch: { record: MixRecord; part: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await countConversations(
      batch.map((b) => conversationOf(b.record)),
      { ...countOptions, file: batch[0].record.file, startIndex: batch[0].record.index },
    );
    batch.forEach((b, i) => composition.add(b.part, b.record, rows[i].total_tokens));
    batch = [];
  };
  const qualify = files.length > 1;
  let n = 0;
  for await (const record of readMixFiles(files)) {
    const i = n++;
    ids.push(qualify ? `${record.file}:${record.id}` : record.id);
    const { key, media } = recordContentKey(hasher, record);
    const first = firstOf.get(key);
    if (first === undefined) {
      firstOf.set(key, i);
      near.add(i, hasher.words, hasher.count, stringHash(media));
    } else {
      const g = exactGroups.get(first);
      if (g) g.push(i);
      else exactGroups.set(first, [first, i]);
    }
    contamination?.scan(i, hasher.words, hasher.count);
    // A batch is of one file: token-counting's errors name its file and record index.
    if (batch.length > 0 && batch[0].record.file !== record.file) await flush();
    batch.push({ record, part: classifyRecord(record) });
    if (batch.length === BATCH) await flush();
    if (n % 50_000 === 0) options.onProgress?.({ done: n, unit: "records" });
  }
  await flush();
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
    records: n,
    composition: composition.rows(),
    duplicates,
    contamination: flags,
    tokenizer,
    againstItems: items.length,
    tooShortItems: contamination?.tooShort ?? 0,
  };
}
