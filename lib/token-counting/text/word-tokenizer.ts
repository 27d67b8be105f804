/**
 * Whitespace words: the unit of LLaVA-NeXT's own `lengths` proxy and of the paper's
 * "word length 16000" HotpotQA filter. Not a model tokenizer; a baseline to compare with.
 */
import { type TextTokenizer, countGroupsByText } from "./text-tokenizer";

const WORD = /\S+/g;

/** Number of maximal runs of non-whitespace characters. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
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
