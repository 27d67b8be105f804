/**
 * The main object of a caption, found with the `compromise` part-of-speech tagger (used
 * only for captions that carry no `noun_phrase` annotation): the first run of adjectives
 * and nouns whose nouns are not the picture itself ("The image shows …"). Returns the chunk's nouns ("school bus")
 * and the nouns with their adjectives ("black coins"), both as written in the caption so
 * that they can be found in it again.
 *
 * Speed: about 0.4 ms per caption on this 2-core machine (tagging dominates; compromise's
 * own noun chunker, `nouns()`, would triple that, so one tag pattern does the chunking).
 * Synthesis calls it lazily, once per caption actually used, and keeps the result with the
 * caption. An annotated caption set skips it entirely.
 */
import type nlpFunction from "compromise";

// A plain require: the package's CommonJS build exports the function itself (no
// `default`), which a default import would miss under tslab's compiler settings.
const nlp: typeof nlpFunction = require("compromise");

/** Chunks whose head is the picture itself, not what it shows. */
const PICTURE_WORDS = new Set([
  "image",
  "images",
  "picture",
  "photo",
  "photograph",
  "scene",
  "view",
  "illustration",
  "close-up",
  "closeup",
  "screenshot",
  "shot",
  "frame",
  "snapshot",
  "it",
  "this",
  "there",
]);

export interface MainObject {
  /** Nouns only, e.g. "school bus". */
  nounPhrase: string;
  /** Adjectives and nouns, e.g. "yellow school bus". */
  object: string;
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface MatchJson {
  terms: TermJson[];
}

/** The main object of `text`, or undefined when the tagger finds no usable noun. */
export function extractMainObject(text: string): MainObject | undefined {
  const matches = nlp(text).match("#Adjective{0,3} #Noun+").json({ offset: true }) as MatchJson[];
  for (const m of matches) {
    let terms = m.terms.filter((t) => !t.tags.includes("Pronoun"));
    terms = dropTrailingParticiple(terms);
    const firstNoun = terms.findIndex((t) => t.tags.includes("Noun") && !t.tags.includes("Gerund"));
    if (firstNoun < 0) continue;
    const nounTerms = terms.slice(firstNoun);
    if (nounTerms.some((t) => !t.tags.includes("Noun"))) continue;
    const nounPhrase = spanOf(text, nounTerms);
    if (nounPhrase === undefined) continue;
    const head = nounPhrase.toLowerCase().split(/\s+/).pop() ?? "";
    if (PICTURE_WORDS.has(head) || PICTURE_WORDS.has(nounPhrase.toLowerCase())) continue;
    const object = spanOf(text, terms) ?? nounPhrase;
    return { nounPhrase, object: object.toLowerCase().endsWith(nounPhrase.toLowerCase()) ? object : nounPhrase };
  }
  return undefined;
}

/**
 * The tagger reads "a person dancing" as one noun run; an -ing word right after a noun
 * for a being ("person", "dogs") is what it does, not part of its name. "brick building"
 * keeps its -ing word, as the word before it names no being.
 */
function dropTrailingParticiple(terms: TermJson[]): TermJson[] {
  if (terms.length < 2) return terms;
  const last = terms[terms.length - 1];
  const before = terms[terms.length - 2];
  const being = before.tags.some((t) => t === "Actor" || t === "Animal" || t === "Plural");
  return /ing$/i.test(last.text) && being ? terms.slice(0, -1) : terms;
}

/** The original text from the first to the last term, widened to whole words. */
function spanOf(text: string, terms: TermJson[]): string | undefined {
  if (terms.length === 0) return undefined;
  let start = terms[0].offset.start;
  const last = terms[terms.length - 1].offset;
  let end = last.start + last.length;
  while (start > 0 && /[\w-]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  const span = text
    .slice(start, end)
    .replace(/^[^\w]+|[^\w]+$/g, "")
    .replace(/^(a|an|the|some|two|three|four|five|several|many)\s+/i, "");
  return span === "" ? undefined : span;
}
