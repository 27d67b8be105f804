/**
 * Contamination: which records contain a validation or benchmark item. An item is known
 * by its word 6-grams; a record hits an item through the item's grams it contains. What
 * every item of a kind shares is no evidence of a leak, so a gram counts only when it is
 * distinctive: not inside a sentence of the T3 templates (the opening instructions, the
 * question wordings, the answer prompts, "it remains unchanged"), not in more than
 * max(5, 1%) of the items and not in more than max(50, 0.1%) of the records. A record is
 * flagged for an item when it holds at least half of the item's distinctive grams (the
 * score); "verbatim" when it holds every gram of the item, "overlap" otherwise.
 */
import { WordHasher, mix32 } from "./hash-words";

export const GRAM_WORDS = 6;
export const MIN_SCORE = 0.5;

export interface AgainstItem {
  /** The file the item came from. */
  against: string;
  /** Its qid (or doc_id, or path in the file), else its 0-based index as a string. */
  item: string;
  text: string;
}

export interface ContaminationHit {
  record: number;
  item: number;
  kind: "verbatim" | "overlap";
  score: number;
}

const BLOOM_BITS = 1 << 24;

function gramA(words: Uint32Array, from: number): number {
  let a = 0x12345678;
  for (let k = from; k < from + GRAM_WORDS; k++) {
    a = Math.imul(a ^ words[k], 0xcc9e2d51);
    a = (a << 13) | (a >>> 19);
  }
  return mix32(a);
}

function gramB(words: Uint32Array, from: number): number {
  let b = 0x7f4a7c15;
  for (let k = from; k < from + GRAM_WORDS; k++)
    b = Math.imul(b + words[k], 0x1b873593) ^ (b >>> 11);
  return mix32(b);
}

/** The distinct 48-bit keys of a text's 6-grams. */
function gramKeys(hasher: WordHasher, text: string): number[] {
  hasher.reset();
  hasher.add(text);
  const keys = new Set<number>();
  for (let k = 0; k + GRAM_WORDS <= hasher.count; k++)
    keys.add(gramA(hasher.words, k) * 65536 + (gramB(hasher.words, k) & 0xffff));
  return [...keys];
}

export class ContaminationIndex {
  private readonly gramOf = new Map<number, number>();
  private readonly bloom = new Uint8Array(BLOOM_BITS / 8);
  /** Items of each gram (CSR) and grams of each item. */
  private gramItemStart: Int32Array;
  private gramItemList: Int32Array;
  private readonly itemGrams: Int32Array[];
  private readonly template: Uint8Array;
  private readonly recordDf: Int32Array;
  private readonly stamp: Int32Array;
  /** Records with hits and their distinct grams (CSR, appended as records pass). */
  private hitRecords: number[] = [];
  private hitStarts: number[] = [0];
  private hitGrams = new Int32Array(1 << 16);
  private hitCount = 0;
  private records = 0;
  /** Items shorter than a gram: they cannot be checked. */
  readonly tooShort: number;

  constructor(
    readonly items: readonly AgainstItem[],
    templateSentences: readonly string[],
  ) {
    const hasher = new WordHasher();
    const gramItems: number[][] = [];
    let short = 0;
    this.itemGrams = items.map((it, i) => {
      const keys = gramKeys(hasher, it.text);
      if (keys.length === 0) short++;
      return Int32Array.from(keys, (key) => {
        let g = this.gramOf.get(key);
        if (g === undefined) {
          g = gramItems.length;
          this.gramOf.set(key, g);
          gramItems.push([]);
          const a = Math.floor(key / 65536);
          this.bloom[(a & (BLOOM_BITS - 1)) >>> 3] |= 1 << (a & 7);
        }
        gramItems[g].push(i);
        return g;
      });
    });
    this.tooShort = short;
    const grams = gramItems.length;
    this.gramItemStart = new Int32Array(grams + 1);
    gramItems.forEach((l, g) => {
      this.gramItemStart[g + 1] = this.gramItemStart[g] + l.length;
    });
    this.gramItemList = new Int32Array(this.gramItemStart[grams]);
    gramItems.forEach((l, g) => this.gramItemList.set(l, this.gramItemStart[g]));
    this.template = new Uint8Array(grams);
    for (const s of templateSentences) {
      for (const key of gramKeys(hasher, s)) {
        const g = this.gramOf.get(key);
        if (g !== undefined) this.template[g] = 1;
      }
    }
    this.recordDf = new Int32Array(grams);
    this.stamp = new Int32Array(grams).fill(-1);
  }

  /** Looks record `record`'s words up; call once per record, in any order. */
  scan(record: number, words: Uint32Array, count: number): void {
    this.records++;
    const before = this.hitCount;
    for (let k = 0; k + GRAM_WORDS <= count; k++) {
      const a = gramA(words, k);
      if ((this.bloom[(a & (BLOOM_BITS - 1)) >>> 3] & (1 << (a & 7))) === 0) continue;
      const g = this.gramOf.get(a * 65536 + (gramB(words, k) & 0xffff));
      if (g === undefined || this.stamp[g] === record) continue;
      this.stamp[g] = record;
      this.recordDf[g]++;
      if (this.hitCount === this.hitGrams.length) {
        const grown = new Int32Array(this.hitGrams.length * 2);
        grown.set(this.hitGrams);
        this.hitGrams = grown;
      }
      this.hitGrams[this.hitCount++] = g;
    }
    if (this.hitCount > before) {
      this.hitRecords.push(record);
      this.hitStarts.push(this.hitCount);
    }
  }

  /** Whether gram `g` is shared too widely to be evidence. */
  private common(g: number, maxItems: number, maxRecords: number): boolean {
    const itemDf = this.gramItemStart[g + 1] - this.gramItemStart[g];
    return this.template[g] === 1 || itemDf > maxItems || this.recordDf[g] > maxRecords;
  }

  /** The flags, by record then item. */
  hits(): ContaminationHit[] {
    const maxItems = Math.max(5, 0.01 * this.items.length);
    const maxRecords = Math.max(50, 0.001 * this.records);
    const grams = this.recordDf.length;
    const distinct = new Uint8Array(grams);
    for (let g = 0; g < grams; g++) distinct[g] = this.common(g, maxItems, maxRecords) ? 0 : 1;
    const distinctive = this.itemGrams.map((gs) => gs.reduce((s, g) => s + distinct[g], 0));
    const out: ContaminationHit[] = [];
    const matched = new Map<number, { any: number; distinctive: number }>();
    for (let r = 0; r < this.hitRecords.length; r++) {
      matched.clear();
      for (let h = this.hitStarts[r]; h < this.hitStarts[r + 1]; h++) {
        const g = this.hitGrams[h];
        for (let p = this.gramItemStart[g]; p < this.gramItemStart[g + 1]; p++) {
          const item = this.gramItemList[p];
          let m = matched.get(item);
          if (!m) {
            m = { any: 0, distinctive: 0 };
            matched.set(item, m);
          }
          m.any++;
          m.distinctive += distinct[g];
        }
      }
      for (const [item, m] of [...matched].sort((x, y) => x[0] - y[0])) {
        const total = distinctive[item];
        if (total === 0) continue;
        const score = m.distinctive / total;
        if (score < MIN_SCORE || m.distinctive < Math.min(3, total)) continue;
        out.push({
          record: this.hitRecords[r],
          item,
          kind: m.any === this.itemGrams[item].length ? "verbatim" : "overlap",
          score: Math.round(score * 1000) / 1000,
        });
      }
    }
    return out;
  }
}
