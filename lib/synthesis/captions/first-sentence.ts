/**
 * The first sentence of a caption. The paper's caption file is named
 * "LLaVA-ReCap-558K-…-first-sent-…", and its figure shows one-sentence captions ("The image
 * shows …"), so synthesis keeps only the first sentence of each ReCap caption.
 */

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "jr",
  "sr",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "approx",
  "no",
  "fig",
  "inc",
  "ltd",
  "co",
  "mt",
  "ft",
  "u.s",
  "u.k",
  "a.m",
  "p.m",
]);

/**
 * Returns the first sentence of `text`, with whitespace collapsed to single spaces.
 * A sentence ends at `.`, `!` or `?` followed by whitespace and an upper-case letter,
 * a digit or a quote, unless the word before the stop is a known abbreviation or a single
 * letter (an initial). Text with no such stop is returned whole.
 * @example firstSentence("The image shows a dog. It is brown.") // "The image shows a dog."
 */
export function firstSentence(text: string): string {
  const clean = text
    .replace(/<image>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const stop = /[.!?]["')\]]?(?= ["'(\[]?[A-Z0-9])/g;
  for (let m = stop.exec(clean); m !== null; m = stop.exec(clean)) {
    if (clean[m.index] === ".") {
      const before = clean.slice(0, m.index);
      const word = (before.match(/([A-Za-z.]+)$/)?.[1] ?? "").toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word)) continue;
    }
    return clean.slice(0, m.index + m[0].length);
  }
  return clean;
}
