/**
 * Text → word hashes and a normalised-content hash in one pass over the characters, with
 * no substring built: the shingles of near-duplicate search, the n-grams of contamination
 * search and the exact-duplicate key all come from here. A word is a run of letters,
 * digits and combining marks, lower-cased; each CJK ideograph, kana or hangul syllable is
 * a word of its own (those scripts do not separate words with spaces). The content hash
 * sees the text lower-cased with every run of whitespace made one space and the ends
 * trimmed: "exact" duplicates are equal after that normalisation.
 */

/** 32-bit FNV-1a offset basis and prime; words hash with the first, content with both. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SECOND_OFFSET = 0x9e3779b9;

/**
 * Per UTF-16 code unit, computed on first sight: its class (0: not a word char, 1: word
 * char, 2: a word by itself (CJK), 3: not seen yet) and its lower case. Typed arrays, not
 * maps: a mix's non-ASCII characters are looked up hundreds of millions of times.
 */
const classes = new Uint8Array(0x10000).fill(3);
const lowers = new Uint16Array(0x10000);
const lowerKnown = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** 0: not a word char, 1: word char, 2: a word by itself (CJK), 4: white space. */
function classOf(c: number): number {
  let k = classes[c];
  if (k === 3) {
    const ch = String.fromCharCode(c);
    k =
      c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029
        ? 4
        : CJK.test(ch)
          ? 2
          : WORD.test(ch) || (c >= 0xd800 && c <= 0xdfff)
            ? 1
            : 0;
    classes[c] = k;
  }
  return k;
}

function lower(c: number): number {
  if (lowerKnown[c] === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    lowers[c] = s.length === 1 ? s.charCodeAt(0) : c;
    lowerKnown[c] = 1;
  }
  return lowers[c];
}

// ASCII, filled once: the common case costs one array read per character.
for (let c = 0; c < 128; c++) {
  classOf(c);
  lower(c);
}

/** Word hashes of one text appended to a growing list, and the running content hash. */
export class WordHasher {
  words = new Uint32Array(1024);
  count = 0;
  private h1 = FNV_OFFSET;
  private h2 = SECOND_OFFSET;
  private pendingSpace = false;
  private started = false;

  /** Starts a new record. */
  reset(): void {
    this.count = 0;
    this.h1 = FNV_OFFSET;
    this.h2 = SECOND_OFFSET;
    this.pendingSpace = false;
    this.started = false;
  }

  /**
   * A boundary the content hash must see (a turn's role, an image path) but words must not:
   * `marker` goes into the content hash only.
   */
  mark(marker: string): void {
    this.pendingSpace = false;
    this.started = false;
    this.contentChar(0x1f);
    for (let i = 0; i < marker.length; i++) this.contentChar(marker.charCodeAt(i));
    this.contentChar(0x1f);
  }

  /** Adds a text: its words to `words`, its normalised characters to the content hash. */
  add(text: string): void {
    // Locals, not fields, in the loop: this runs once per character of the mix.
    let h1 = this.h1;
    let h2 = this.h2;
    let pending = this.pendingSpace;
    let started = this.started;
    let w = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = classes[c] === 3 ? classOf(c) : classes[c];
      if (k === 4) {
        if (started) pending = true;
        if (inWord) this.push(w);
        inWord = false;
        continue;
      }
      const lc = lowerKnown[c] === 1 ? lowers[c] : lower(c);
      if (pending) {
        h1 = Math.imul(h1 ^ 32, FNV_PRIME);
        h2 = Math.imul(h2 ^ 32, 0x5bd1e995) ^ (h2 >>> 15);
        pending = false;
      }
      started = true;
      h1 = Math.imul(h1 ^ lc, FNV_PRIME);
      h2 = Math.imul(h2 ^ lc, 0x5bd1e995) ^ (h2 >>> 15);
      if (k === 1) {
        w = Math.imul((inWord ? w : FNV_OFFSET) ^ lc, FNV_PRIME);
        inWord = true;
      } else {
        if (inWord) this.push(w);
        inWord = false;
        if (k === 2) this.push(Math.imul(FNV_OFFSET ^ lc, FNV_PRIME));
      }
    }
    if (inWord) this.push(w);
    this.h1 = h1;
    this.h2 = h2;
    this.started = started;
    this.pendingSpace = false;
  }

  /** The normalised content's hash: 53 bits, an exact key for `Map`s. */
  contentKey(): number {
    return (this.h1 >>> 0) * 0x200000 + ((this.h2 >>> 0) & 0x1fffff);
  }

  private contentChar(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, FNV_PRIME);
    this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995) ^ (this.h2 >>> 15);
  }

  private push(h: number): void {
    if (this.count === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.count++] = h >>> 0;
  }
}

/** Finalises a 32-bit value (murmur3's fmix32): spreads close inputs apart. */
export function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of words[from, from + n): two 32-bit folds, `a` and `b`. */
export function gramHashes(
  words: Uint32Array,
  from: number,
  n: number,
  out: { a: number; b: number },
): void {
  let a = 0x12345678;
  let b = 0x7f4a7c15;
  for (let k = from; k < from + n; k++) {
    a = Math.imul(a ^ words[k], 0xcc9e2d51);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b + words[k], 0x1b873593) ^ (b >>> 11);
  }
  out.a = mix32(a);
  out.b = mix32(b);
}
