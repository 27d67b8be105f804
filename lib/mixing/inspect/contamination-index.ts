/**
 * Contamination: which records contain a validation or benchmark item. An item is known
 * by its word 6-grams; a record hits an item through the item's grams it contains. What
 * every item of a kind shares is no evidence of a leak, so a gram counts only when it is
 * distinctive: not inside a sentence of the T3 templates (the opening instructions, the
 * question wordings, the answer prompts, "it remains unchanged"), not in more than
 * max(5, 1%) of the items and not in more than max(50, 0.1%) of the records. A record is
 * flagged for an item when it holds at least half of the item's distinctive grams (the
 * score); "verbatim" when the item's words appear in the record in one run, in order
 * (after the normalisation of hash-words.ts), "overlap" otherwise.
 *
 * Cost: the record threshold needs the mix's record count up front (a scan of the files
 * that parses nothing), so a gram is followed per record only until it is known to be
 * common; on a mix whose records share most phrases with the items (a synthetic mix, or
 * one template family) memory stays at most grams × (threshold + 1) numbers instead of
 * one number per word of the mix. Grams are found in an open-addressed table of typed
 * arrays behind a Bloom filter, with no number boxed per lookup.
 *
 * Sampled grams: an item of 64 grams or more is known by the half of its grams whose
 * hash has its top bit clear (about 60 of a 120-gram T3 question), a choice that depends
 * on the gram alone, so a record needs to look up only its own grams of that half (as in
 * the fingerprints of Schleimer, Wilkerson & Aiken, "Winnowing", 2003). Shorter items
 * (and the rare long item with under 16 such grams) keep every gram: a T3 item of one
 * 1x task is about 60 grams, and two items of a task that share half their wording must
 * be scored exactly, not by a sample that may tip them over the threshold. The score is
 * the share of the item's kept distinctive grams the record holds: exact for items under
 * 64 grams, an estimate of the share over all grams for longer ones.
 */
import { WordHasher, mix32 as mix32Export } from "./hash-words";

// Bound once: the CommonJS modules tsx runs read an import through a getter at every
// call, and this one runs once per word of the mix.
const mix32 = mix32Export;

export const GRAM_WORDS = 6;
export const MIN_SCORE = 0.5;
/** Items with fewer grams keep them all; longer ones keep their sampled grams. */
export const DENSE_BELOW = 64;
const MIN_SAMPLED = 16;

/** Whether a gram (by its first fold) is in the sample every long item is known by. */
export function sampledGram(a: number): boolean {
  return a >>> 31 === 0;
}

export interface AgainstItem {
  /** The file the item came from. */
  against: string;
  /** Its qid (or doc_id, or path in the file), else its 0-based index as a string. */
  item: string;
  text: string;
}

/**
 * What a scan of some records found, to join into the index of the whole mix (a worker
 * thread scans its share of the records): record numbers are the scan's own, from 0.
 */
export interface ContaminationScan {
  recordDf: Int32Array;
  hitRecords: Int32Array;
  hitStarts: Int32Array;
  hitGrams: Int32Array;
  /** record × items + item, where the item's words appear in the record in one run. */
  verbatim: Float64Array;
}

export interface ContaminationHit {
  record: number;
  item: number;
  kind: "verbatim" | "overlap";
  score: number;
}

const BLOOM_BITS = 1 << 24;
const EMPTY = -1;

/** Polynomial hash base and its 5th power (to roll a word out), mod 2^32. */
const BASE = 0x01000193;
const BASE_5 = Math.imul(Math.imul(Math.imul(Math.imul(BASE, BASE), BASE), BASE), BASE);

/** Σ words[from + k] · BASE^(5 - k) mod 2^32: a hash that rolls from one gram to the next. */
function gramPoly(words: Uint32Array, from: number): number {
  let h = 0;
  for (let k = from; k < from + GRAM_WORDS; k++) h = (Math.imul(h, BASE) + words[k]) | 0;
  return h;
}

/** The gram's first fold (its table slot, Bloom bits and sample) from its rolling hash. */
function foldA(poly: number): number {
  return mix32(poly ^ 0x12345678);
}

function gramA(words: Uint32Array, from: number): number {
  return foldA(gramPoly(words, from));
}

function gramB(words: Uint32Array, from: number): number {
  let b = 0x7f4a7c15;
  for (let k = from; k < from + GRAM_WORDS; k++)
    b = Math.imul(b + words[k], 0x1b873593) ^ (b >>> 11);
  return mix32(b);
}

/**
 * Gram → number, keyed by both 32-bit folds (open addressing, linear probing). A slot is
 * 4 numbers in one array (key a, key b, number + 1, 0 when free), so a lookup touches
 * one cache line.
 */
class GramTable {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  get(a: number, b: number): number {
    const slots = this.slots;
    for (let at = a & this.mask; ; at = (at + 1) & this.mask) {
      const v = slots[at * 4 + 2];
      if (v === 0) return EMPTY;
      if (slots[at * 4] === a && slots[at * 4 + 1] === b) return v - 1;
    }
  }

  /** The gram's number, a new one (`size`) when it is not there yet. */
  intern(a: number, b: number): number {
    const slots = this.slots;
    for (let at = a & this.mask; ; at = (at + 1) & this.mask) {
      const v = slots[at * 4 + 2];
      if (v === 0) {
        slots[at * 4] = a;
        slots[at * 4 + 1] = b;
        slots[at * 4 + 2] = ++this.size;
        return this.size - 1;
      }
      if (slots[at * 4] === a && slots[at * 4 + 1] === b) return v - 1;
    }
  }
}

export class ContaminationIndex {
  private readonly table: GramTable;
  private readonly bloom = new Uint8Array(BLOOM_BITS / 8);
  /** Grams outside the sample that short items keep (a record checks these only then). */
  private readonly denseBloom = new Uint8Array(BLOOM_BITS / 8);
  private hasDense = false;
  /** Items of each gram, and the items anchored at each gram (compressed lists). */
  private readonly gramItems: { start: Int32Array; list: Int32Array };
  private readonly anchors: { start: Int32Array; list: Int32Array };
  private readonly itemGrams: Int32Array[];
  /** Each item's words (concatenated), and where its anchor gram starts in them. */
  private readonly itemWords: Uint32Array;
  private readonly itemWordStart: Int32Array;
  private readonly anchorAt: Int32Array;
  /** Per gram: flags, last record, records that held it (see the constructor). */
  private readonly gramState: Int32Array;
  private readonly maxItems: number;
  private readonly maxRecords: number;
  /** Records with candidate grams and those grams (compressed, appended as records pass). */
  private hitRecords: number[] = [];
  private hitStarts: number[] = [0];
  private hitGrams = new Int32Array(1 << 16);
  private hitCount = 0;
  /** (record, item) pairs where the item's words appear in one run: record × items + item. */
  private readonly verbatim = new Set<number>();
  /** Items shorter than a gram: they cannot be checked. */
  readonly tooShort: number;

  /**
   * `records`: how many records the mix has (the threshold of "common in the mix" is a
   * share of them, and must be known while the records pass).
   */
  constructor(
    readonly items: readonly AgainstItem[],
    templateSentences: readonly string[],
    records: number,
  ) {
    const hasher = new WordHasher();
    // Every item's words, end to end, and each item's first word.
    let words = new Uint32Array(1 << 16);
    const wordStart = new Int32Array(items.length + 1);
    let total = 0;
    items.forEach((it, i) => {
      hasher.reset();
      hasher.add(it.text);
      if (total + hasher.count > words.length) {
        const grown = new Uint32Array(Math.max(words.length * 2, total + hasher.count));
        grown.set(words.subarray(0, total));
        words = grown;
      }
      words.set(hasher.words.subarray(0, hasher.count), total);
      total += hasher.count;
      wordStart[i + 1] = total;
    });
    this.itemWords = words.subarray(0, total);
    this.itemWordStart = wordStart;
    const gramsOf = (i: number) => Math.max(0, wordStart[i + 1] - wordStart[i] - GRAM_WORDS + 1);
    let positions = 0;
    for (let i = 0; i < items.length; i++) positions += gramsOf(i);
    this.table = new GramTable(positions);
    // Each item's distinct grams (first position kept) and each gram's item count.
    const gramAt = new Int32Array(positions);
    const firstPos = new Int32Array(positions);
    const itemStart = new Int32Array(items.length + 1);
    let itemDf = new Int32Array(1024);
    let lastItem = new Int32Array(1024).fill(-1);
    let kept = 0;
    let short = 0;
    for (let i = 0; i < items.length; i++) {
      const from = wordStart[i];
      if (gramsOf(i) === 0) short++;
      let sampled = 0;
      for (let k = 0; k < gramsOf(i); k++) if (sampledGram(gramA(words, from + k))) sampled++;
      const dense = gramsOf(i) < DENSE_BELOW || sampled < MIN_SAMPLED;
      for (let k = 0; k < gramsOf(i); k++) {
        const a = gramA(words, from + k);
        if (!dense && !sampledGram(a)) continue;
        const g = this.table.intern(a, gramB(words, from + k));
        if (g === itemDf.length) {
          const df = new Int32Array(itemDf.length * 2);
          df.set(itemDf);
          itemDf = df;
          const last = new Int32Array(lastItem.length * 2).fill(-1);
          last.set(lastItem);
          lastItem = last;
        }
        if (lastItem[g] === i) continue;
        lastItem[g] = i;
        itemDf[g]++;
        gramAt[kept] = g;
        firstPos[kept++] = k;
        const bloom = sampledGram(a) ? this.bloom : this.denseBloom;
        bloom[(a & (BLOOM_BITS - 1)) >>> 3] |= 1 << (a & 7);
        if (!sampledGram(a)) this.hasDense = true;
      }
      itemStart[i + 1] = kept;
    }
    this.tooShort = short;
    const grams = this.table.size;
    this.itemGrams = items.map((_, i) => gramAt.subarray(itemStart[i], itemStart[i + 1]));
    // Items of each gram (compressed lists, filled in item order).
    const start = new Int32Array(grams + 1);
    for (let g = 0; g < grams; g++) start[g + 1] = start[g] + itemDf[g];
    const fill = start.slice(0, grams);
    const list = new Int32Array(start[grams]);
    for (let i = 0; i < items.length; i++)
      for (let p = itemStart[i]; p < itemStart[i + 1]; p++) list[fill[gramAt[p]]++] = i;
    this.gramItems = { start, list };
    // Each item is anchored at its rarest gram, so a record's gram leads to few items.
    const anchorOf = new Int32Array(items.length).fill(-1);
    this.anchorAt = new Int32Array(items.length).fill(-1);
    const anchorCount = new Int32Array(grams + 1);
    for (let i = 0; i < items.length; i++) {
      let best = -1;
      for (let p = itemStart[i]; p < itemStart[i + 1]; p++)
        if (best < 0 || itemDf[gramAt[p]] < itemDf[gramAt[best]]) best = p;
      if (best < 0) continue;
      anchorOf[i] = gramAt[best];
      this.anchorAt[i] = firstPos[best];
      anchorCount[gramAt[best] + 1]++;
    }
    for (let g = 0; g < grams; g++) anchorCount[g + 1] += anchorCount[g];
    const anchorFill = anchorCount.slice(0, grams);
    const anchorList = new Int32Array(anchorCount[grams]);
    for (let i = 0; i < items.length; i++)
      if (anchorOf[i] >= 0) anchorList[anchorFill[anchorOf[i]]++] = i;
    this.anchors = { start: anchorCount, list: anchorList };
    this.maxItems = Math.max(5, 0.01 * items.length);
    this.maxRecords = Math.max(50, 0.001 * records);
    const template = new Uint8Array(grams);
    for (const s of templateSentences) {
      hasher.reset();
      hasher.add(s);
      for (let k = 0; k + GRAM_WORDS <= hasher.count; k++) {
        const g = this.table.get(gramA(hasher.words, k), gramB(hasher.words, k));
        if (g !== EMPTY) template[g] = 1;
      }
    }
    // Per gram, packed so that a record's lookup touches one place: flags (1: can be
    // distinctive, 2: items are anchored there), the last record that held it, and how
    // many records held it.
    this.gramState = new Int32Array(grams * 4);
    for (let g = 0; g < grams; g++) {
      const candidate = template[g] === 0 && itemDf[g] <= this.maxItems ? 1 : 0;
      const anchored = anchorCount[g + 1] > anchorCount[g] ? 2 : 0;
      this.gramState[g * 4] = candidate | anchored;
      this.gramState[g * 4 + 1] = -1;
    }
  }

  /** Looks record `record`'s words up; call once per record, in increasing order. */
  scan(record: number, words: Uint32Array, count: number): void {
    const before = this.hitCount;
    const state = this.gramState;
    let poly = count >= GRAM_WORDS ? gramPoly(words, 0) : 0;
    for (let k = 0; k + GRAM_WORDS <= count; k++) {
      // Roll: drop the word before the gram, add its last word.
      if (k > 0)
        poly = (Math.imul(poly - Math.imul(words[k - 1], BASE_5), BASE) + words[k + 5]) | 0;
      const a = foldA(poly);
      const bloom = sampledGram(a) ? this.bloom : this.hasDense ? this.denseBloom : undefined;
      if (bloom === undefined || (bloom[(a & (BLOOM_BITS - 1)) >>> 3] & (1 << (a & 7))) === 0)
        continue;
      const g = this.table.get(a, gramB(words, k));
      if (g === EMPTY) continue;
      const flags = state[g * 4];
      if ((flags & 2) !== 0) this.findVerbatim(record, g, words, count, k);
      if ((flags & 1) === 0 || state[g * 4 + 1] === record) continue;
      state[g * 4 + 1] = record;
      // Past the threshold the gram is common whatever follows: no need to keep it.
      if (++state[g * 4 + 2] > this.maxRecords) continue;
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

  /** Records the items anchored at gram `g` whose words surround position `k` in one run. */
  private findVerbatim(
    record: number,
    g: number,
    words: Uint32Array,
    count: number,
    k: number,
  ): void {
    for (let p = this.anchors.start[g]; p < this.anchors.start[g + 1]; p++) {
      const item = this.anchors.list[p];
      const from = this.itemWordStart[item];
      const length = this.itemWordStart[item + 1] - from;
      const at = k - this.anchorAt[item];
      if (at < 0 || at + length > count) continue;
      let same = true;
      for (let w = 0; w < length && same; w++) same = words[at + w] === this.itemWords[from + w];
      if (same) this.verbatim.add(record * this.items.length + item);
    }
  }

  /** What this index's scans found (see ContaminationScan). */
  scanState(): ContaminationScan {
    return {
      recordDf: Int32Array.from({ length: this.table.size }, (_, g) => this.gramState[g * 4 + 2]),
      hitRecords: Int32Array.from(this.hitRecords),
      hitStarts: Int32Array.from(this.hitStarts),
      hitGrams: this.hitGrams.subarray(0, this.hitCount),
      verbatim: Float64Array.from(this.verbatim),
    };
  }

  /**
   * Joins a scan of records `offset`, `offset` + 1, … (made by an index over the same
   * items): call in record order.
   */
  absorb(scan: ContaminationScan, offset: number): void {
    const items = this.items.length;
    for (let g = 0; g < scan.recordDf.length; g++) this.gramState[g * 4 + 2] += scan.recordDf[g];
    const base = this.hitCount;
    if (base + scan.hitGrams.length > this.hitGrams.length) {
      let size = this.hitGrams.length;
      while (size < base + scan.hitGrams.length) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.hitGrams.subarray(0, base));
      this.hitGrams = grown;
    }
    this.hitGrams.set(scan.hitGrams, base);
    this.hitCount += scan.hitGrams.length;
    for (let r = 0; r < scan.hitRecords.length; r++) {
      this.hitRecords.push(scan.hitRecords[r] + offset);
      this.hitStarts.push(base + scan.hitStarts[r + 1]);
    }
    for (const v of scan.verbatim) {
      const item = v % items;
      this.verbatim.add(((v - item) / items + offset) * items + item);
    }
  }

  /** The flags, by record then item. */
  hits(): ContaminationHit[] {
    const grams = this.table.size;
    const state = this.gramState;
    const distinct = new Uint8Array(grams);
    for (let g = 0; g < grams; g++)
      distinct[g] = (state[g * 4] & 1) === 1 && state[g * 4 + 2] <= this.maxRecords ? 1 : 0;
    const distinctive = this.itemGrams.map((gs) => gs.reduce((s, g) => s + distinct[g], 0));
    const out: ContaminationHit[] = [];
    // Distinctive grams matched per item, for one record at a time.
    const matched = new Int32Array(this.items.length);
    const touched: number[] = [];
    const { start, list } = this.gramItems;
    for (let r = 0; r < this.hitRecords.length; r++) {
      touched.length = 0;
      for (let h = this.hitStarts[r]; h < this.hitStarts[r + 1]; h++) {
        const g = this.hitGrams[h];
        if (distinct[g] === 0) continue;
        for (let p = start[g]; p < start[g + 1]; p++) {
          const item = list[p];
          if (matched[item] === 0) touched.push(item);
          matched[item]++;
        }
      }
      touched.sort((x, y) => x - y);
      const record = this.hitRecords[r];
      for (const item of touched) {
        const held = matched[item];
        matched[item] = 0;
        const total = distinctive[item];
        const score = held / total;
        if (score < MIN_SCORE || held < Math.min(3, total)) continue;
        out.push({
          record,
          item,
          kind: this.verbatim.has(record * this.items.length + item) ? "verbatim" : "overlap",
          score: Math.round(score * 1000) / 1000,
        });
      }
    }
    return out;
  }
}
