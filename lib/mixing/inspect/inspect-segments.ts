/**
 * The per-record work of `mix inspect` over one thread's segments: each record read,
 * classified, token-counted, hashed for exact duplicates, signed for near duplicates and
 * looked up for contamination. What comes back is per-record numbers in typed arrays
 * (transferred, not copied, from a worker) and the contamination index's scan state;
 * inspect-mix.ts joins the threads' results in mix order.
 */
import { parseRecordSpan, scanRecordBatches } from "../../json/index";
import type { OnProgress } from "../../progress/index";
import {
  type Conversation,
  type TemplateName,
  countConversations,
} from "../../token-counting/index";
import { classifyRecord } from "./classify-record";
import {
  type AgainstItem,
  ContaminationIndex,
  type ContaminationScan,
} from "./contamination-index";
import { WordHasher, mix32 as mix32Export } from "./hash-words";
import { answerLetter } from "./mix-composition";
import { BINS, minhashSignature } from "./near-duplicate-index";
import type { InspectionSegment } from "./plan-inspection-segments";
import { type MixRecord, readMixRecord } from "./read-mix-record";
import { recordContentKey } from "./record-content-key";
import { t3TemplateSentences } from "./t3-template-sentences";

// Bound once: the CommonJS modules tsx runs read an import through a getter at every
// call, and this one runs once per word of the mix.
const mix32 = mix32Export;

export interface SegmentSettings {
  tokenizer: string;
  template: TemplateName;
  /** Prefix ids with their file (several files inspected together). */
  qualifyIds: boolean;
  against: readonly AgainstItem[];
  /** Records in the whole mix. */
  mixRecords: number;
}

export interface SegmentInspection {
  records: number;
  ids: string[];
  contentKeys: Float64Array;
  mediaKeys: Uint32Array;
  /** 64 MinHash bins per record; `signed[i]` 0 when record i has under 3 words. */
  signatures: Uint32Array;
  signed: Uint8Array;
  /** Part of each record (an index into `partNames`), its tokens, turns, answer letter. */
  partNames: string[];
  parts: Uint16Array;
  tokens: Float64Array;
  turns: Int32Array;
  /** Char code of the right letter of a multiple-choice item, 0 when none. */
  letters: Uint16Array;
  contamination?: ContaminationScan;
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

/** Growable typed columns, trimmed to the record count at the end. */
class Columns {
  n = 0;
  contentKeys = new Float64Array(1024);
  mediaKeys = new Uint32Array(1024);
  signatures = new Uint32Array(1024 * BINS);
  signed = new Uint8Array(1024);
  parts = new Uint16Array(1024);
  tokens = new Float64Array(1024);
  turns = new Int32Array(1024);
  letters = new Uint16Array(1024);

  /** Room for record `n`. */
  next(): number {
    if (this.n === this.signed.length) {
      const grow = <T extends Float64Array | Uint32Array | Uint8Array | Uint16Array | Int32Array>(
        a: T,
      ): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.contentKeys = grow(this.contentKeys);
      this.mediaKeys = grow(this.mediaKeys);
      this.signatures = grow(this.signatures);
      this.signed = grow(this.signed);
      this.parts = grow(this.parts);
      this.tokens = grow(this.tokens);
      this.turns = grow(this.turns);
      this.letters = grow(this.letters);
    }
    return this.n++;
  }
}

/** Inspects the records of `segments`, in order. */
export async function inspectSegments(
  segments: readonly InspectionSegment[],
  settings: SegmentSettings,
  onProgress?: OnProgress,
): Promise<SegmentInspection> {
  const contamination =
    settings.against.length > 0
      ? new ContaminationIndex(settings.against, t3TemplateSentences(), settings.mixRecords)
      : undefined;
  const hasher = new WordHasher();
  const col = new Columns();
  const ids: string[] = [];
  const partNames: string[] = [];
  const partIndex = new Map<string, number>();
  let batch: { record: MixRecord; slot: number }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await countConversations(
      batch.map((b) => conversationOf(b.record)),
      {
        tokenizer: settings.tokenizer,
        template: settings.template,
        file: batch[0].record.file,
        startIndex: batch[0].record.index,
      },
    );
    batch.forEach((b, i) => {
      col.tokens[b.slot] = rows[i].total_tokens;
    });
    batch = [];
  };
  for (const segment of segments) {
    const spans = scanRecordBatches(segment.file, segment.format, {
      ...(segment.range ? { range: segment.range } : {}),
    });
    for await (const found of spans) {
      for (const span of found) {
        // A range scan counts from 0: errors must name the record's index in its file.
        const index = span.index + segment.firstIndex;
        const placed = index === span.index ? span : { ...span, index };
        const record = readMixRecord(parseRecordSpan(placed, segment.file), segment.file, index);
        const slot = col.next();
        ids.push(settings.qualifyIds ? `${record.file}:${record.id}` : record.id);
        const { key, media } = recordContentKey(hasher, record);
        col.contentKeys[slot] = key;
        col.mediaKeys[slot] = stringHash(media);
        const sig = col.signatures.subarray(slot * BINS, (slot + 1) * BINS);
        col.signed[slot] = minhashSignature(hasher.words, hasher.count, sig) ? 1 : 0;
        contamination?.scan(slot, hasher.words, hasher.count);
        const part = classifyRecord(record);
        let p = partIndex.get(part);
        if (p === undefined) {
          p = partNames.length;
          partNames.push(part);
          partIndex.set(part, p);
        }
        col.parts[slot] = p;
        col.turns[slot] = record.turns.length;
        col.letters[slot] = answerLetter(record)?.charCodeAt(0) ?? 0;
        // A batch is of one file: token-counting's errors name its file and record index.
        if (batch.length > 0 && batch[0].record.file !== record.file) await flush();
        batch.push({ record, slot });
        if (batch.length === BATCH) await flush();
        if (col.n % 10_000 === 0) onProgress?.({ done: col.n, unit: "records" });
      }
    }
  }
  await flush();
  const n = col.n;
  return {
    records: n,
    ids,
    contentKeys: col.contentKeys.slice(0, n),
    mediaKeys: col.mediaKeys.slice(0, n),
    // A view, not a copy: a worker transfers the buffer (the largest column).
    signatures: col.signatures.subarray(0, n * BINS),
    signed: col.signed.slice(0, n),
    partNames,
    parts: col.parts.slice(0, n),
    tokens: col.tokens.slice(0, n),
    turns: col.turns.slice(0, n),
    letters: col.letters.slice(0, n),
    ...(contamination ? { contamination: contamination.scanState() } : {}),
  };
}
