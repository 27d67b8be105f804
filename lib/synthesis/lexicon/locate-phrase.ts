/**
 * Which caption of a context mentions a phrase, as a whole word sequence. An item is only
 * checkable when each phrase its options use is mentioned by exactly one caption.
 */
import { wordIndex } from "./find-lexicon-attribute";

/** Caption index that mentions `phrase`; -1 when none does; -2 when several do. */
export function locatePhrase(captions: readonly string[], phrase: string): number {
  let found = -1;
  for (let i = 0; i < captions.length; i++) {
    if (wordIndex(captions[i], phrase) < 0) continue;
    if (found >= 0) return -2;
    found = i;
  }
  return found;
}

/** Drops one leading article ("the", "a", "an"), case-insensitive. */
export function stripArticle(phrase: string): string {
  return phrase.replace(/^(the|a|an) /i, "");
}
