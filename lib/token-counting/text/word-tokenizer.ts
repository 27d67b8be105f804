/**
 * Whitespace words: the unit of LLaVA-NeXT's own `lengths` proxy and of the paper's
 * "word length 16000" HotpotQA filter. Not a model tokenizer; a baseline to compare with.
 */
import { type TextTokenizer, countGroupsByText } from "./text-tokenizer";

/** JavaScript's `\s`: the white space and line terminators of ECMA-262 (§12.2, §12.3). */
function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Number of maximal runs of non-whitespace characters (what `/\S+/g` matches), counted
 * in one pass without a match object per word: a mix's millions of records made the
 * regular expression's garbage a tenth of `mix inspect`'s time.
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The words "tokenizer" (ids are word positions; only counts are meaningful). */
export function loadWordTokenizer(): TextTokenizer {
  const self: TextTokenizer = {
    name: "words",
    implementation: "whitespace words (/\\S+/)",
    async countBatch(texts) {
      return texts.map(countWords);
    },
    async encode(text) {
      return Array.from({ length: countWords(text) }, (_, i) => i);
    },
    countGroups: (groups) => countGroupsByText(self, groups),
  };
  return self;
}
