/**
 * Near duplicates by MinHash with LSH over word shingles (Broder 1997; bands as in
 * Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). One-permutation
 * hashing with rotation densification (Li, Owen & Zhang 2012; Shrivastava & Li 2014):
 * each shingle is hashed once and kept in one of 64 bins, so a record costs one hash per
 * word instead of 64. The npm packages measured for this (minhash 0.0.9, bloom-filters
 * 3.0.4 MinHash) hash every shingle once per permutation: 14-20 minutes for 1.2M records
 * on this machine, against the issue's two minutes.
 *
 * Candidates are records that agree on all 4 bins of one of 16 bands and show the same
 * media; a candidate pair is kept when the share of equal bins (an estimate of the
 * shingle sets' Jaccard similarity) reaches `threshold`. Bands are found by sorting
 * packed (band hash, record) keys, not by maps, so memory is 256 bytes per record.
 */
import { mix32 as mix32Export } from "./hash-words";

// Bound once: the CommonJS modules tsx runs read an import through a getter at every
// call, and this one runs once per word of the mix.
const mix32 = mix32Export;

export const BINS = 64;
export const ROWS_PER_BAND = 4;
export const SHINGLE_WORDS = 3;
const BANDS = BINS / ROWS_PER_BAND;
const EMPTY = 0xffffffff;

/** Union-find over record slots. */
class Groups {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    let at = i;
    while (this.parent[at] !== r) {
      const next = this.parent[at];
      this.parent[at] = r;
      at = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Fills `sig` (64 bins) from a record's word hashes; false when it has no shingle. */
export function minhashSignature(words: Uint32Array, count: number, sig: Uint32Array): boolean {
  const shingles = count - SHINGLE_WORDS + 1;
  if (shingles < 1) return false;
  sig.fill(EMPTY);
  for (let i = 0; i < shingles; i++) {
    const h = mix32(
      Math.imul(words[i], 0x9e3779b1) ^ Math.imul(words[i + 1], 0x85ebca77) ^ words[i + 2],
    );
    const bin = h & (BINS - 1);
    const v = mix32(h ^ 0x27d4eb2f);
    if (v < sig[bin]) sig[bin] = v;
  }
  densify(sig);
  return true;
}

/** Rotation densification: an empty bin takes the next filled bin's value, shifted by distance. */
function densify(sig: Uint32Array): void {
  for (let j = 0; j < BINS; j++) {
    if (sig[j] !== EMPTY) continue;
    for (let d = 1; d < BINS; d++) {
      const v = sig[(j + d) % BINS];
      if (v !== EMPTY) {
        sig[j] = (v + Math.imul(d, 0x9e3779b9)) >>> 0 || 1;
        break;
      }
    }
  }
}

/** Share of equal bins of two signatures (an estimate of Jaccard similarity). */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < BINS; k++) if (a[k] === b[k]) same++;
  return same / BINS;
}

export class NearDuplicateIndex {
  private sigs = new Uint32Array(BINS * 1024);
  private records = new Int32Array(1024);
  private media = new Uint32Array(1024);
  private n = 0;

  constructor(readonly threshold = 0.7) {}

  /** Adds record `record`'s signature (made by minhashSignature). */
  addSignature(record: number, sig: Uint32Array, mediaKey: number): void {
    if (this.n === this.records.length) this.grow();
    this.sigs.set(sig, this.n * BINS);
    this.records[this.n] = record;
    this.media[this.n] = mediaKey >>> 0;
    this.n++;
  }

  private grow(): void {
    const size = this.records.length * 2;
    const sigs = new Uint32Array(size * BINS);
    sigs.set(this.sigs);
    this.sigs = sigs;
    const records = new Int32Array(size);
    records.set(this.records);
    this.records = records;
    const media = new Uint32Array(size);
    media.set(this.media);
    this.media = media;
  }

  private similar(i: number, j: number): boolean {
    if (this.media[i] !== this.media[j]) return false;
    const a = this.sigs.subarray(i * BINS, (i + 1) * BINS);
    const b = this.sigs.subarray(j * BINS, (j + 1) * BINS);
    return signatureSimilarity(a, b) >= this.threshold;
  }

  /** Groups of two or more record numbers whose records are near duplicates. */
  groups(): number[][] {
    const n = this.n;
    const found = new Groups(n);
    const idBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const shift = Math.max(0, idBits - 21);
    const scale = 2 ** idBits;
    const keys = new Float64Array(n);
    for (let b = 0; b < BANDS; b++) {
      for (let i = 0; i < n; i++) {
        let h = this.media[i] ^ Math.imul(b + 1, 0x9e3779b9);
        for (let k = b * ROWS_PER_BAND; k < (b + 1) * ROWS_PER_BAND; k++)
          h = mix32(h ^ this.sigs[i * BINS + k]);
        keys[i] = (h >>> shift) * scale + i;
      }
      keys.sort();
      let start = 0;
      for (let k = 1; k <= n; k++) {
        if (k < n && Math.floor(keys[k] / scale) === Math.floor(keys[start] / scale)) continue;
        const first = keys[start] % scale;
        for (let m = start + 1; m < k; m++) {
          const other = keys[m] % scale;
          if (this.similar(first, other)) found.union(first, other);
        }
        start = k;
      }
    }
    // Roots are the smallest slot of their group (union keeps the smaller), so a group
    // starts with its root's record when its first other member comes by.
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = found.find(i);
      if (r === i) continue;
      let g = byRoot.get(r);
      if (!g) {
        g = [this.records[r]];
        byRoot.set(r, g);
      }
      g.push(this.records[i]);
    }
    return [...byRoot.values()].filter((g) => g.length > 1);
  }
}
