/**
 * The main object of a caption, found with the `compromise` part-of-speech tagger (used
 * only for captions that carry no `noun_phrase` annotation): the first run of adjectives
 * and nouns whose nouns are not the picture itself ("The image shows …"). Returns the
 * run's nouns ("school bus") and the nouns with their adjectives ("black coins"), both as
 * written in the caption so that they can be found in it again.
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

/** A run of adjectives and nouns in a caption, with where it and its nouns start. */
export interface NounRun extends MainObject {
  /** Offsets in the caption: the run, its nouns, its end. */
  start: number;
  nounStart: number;
  end: number;
  /** Its nouns name the picture itself ("image", "close-up"). */
  picture: boolean;
}

/** Every run of adjectives and nouns in `text`, in order: one tagger call. */
export function nounRuns(text: string): NounRun[] {
  const matches = nlp(text).match("(#Adjective|#Noun)+").json({ offset: true }) as MatchJson[];
  const runs: NounRun[] = [];
  for (const m of matches) {
    const terms = dropTrailingParticiple(
      text,
      m.terms.filter((t) => !t.tags.includes("Pronoun")),
    );
    // A run may end in words that are no nouns ("a balloon floating"): drop them.
    while (terms.length > 0 && !isNoun(terms[terms.length - 1])) terms.pop();
    // The head is the run of nouns at the end; what comes before it modifies it.
    let first = terms.length;
    while (first > 0 && isNoun(terms[first - 1])) first--;
    if (first === terms.length) continue;
    const nounPhrase = spanOf(text, terms.slice(first));
    if (nounPhrase === undefined) continue;
    const head = nounPhrase.toLowerCase().split(/\s+/).pop() ?? "";
    const object = spanOf(text, terms) ?? nounPhrase;
    const last = terms[terms.length - 1].offset;
    runs.push({
      nounPhrase,
      object: object.toLowerCase().endsWith(nounPhrase.toLowerCase()) ? object : nounPhrase,
      start: terms[0].offset.start,
      nounStart: terms[first].offset.start,
      end: last.start + last.length,
      picture: PICTURE_WORDS.has(head) || PICTURE_WORDS.has(nounPhrase.toLowerCase()),
    });
  }
  return runs;
}

/** The main object of `text`, or undefined when the tagger finds no usable noun. */
export function extractMainObject(
  text: string,
  runs: NounRun[] = nounRuns(text),
): MainObject | undefined {
  const run = runs.find((r) => !r.picture);
  return run ? { nounPhrase: run.nounPhrase, object: run.object } : undefined;
}

function isNoun(t: TermJson): boolean {
  return t.tags.includes("Noun") && !t.tags.includes("Gerund");
}

/** Words after which an -ing word takes an object, so it is a verb: "holding a phone". */
const OBJECT_STARTS = new Set([
  "a",
  "an",
  "the",
  "his",
  "her",
  "their",
  "its",
  "some",
  "two",
  "three",
]);

/**
 * The tagger reads "a person dancing" or "a hand holding a phone" as one noun run; an
 * -ing word after a noun is what the thing does when the noun names a being ("person",
 * "dogs") or when an object follows it ("holding a phone"). "A brick building with …"
 * keeps its -ing word.
 */
function dropTrailingParticiple(text: string, terms: TermJson[]): TermJson[] {
  if (terms.length < 2) return terms;
  const last = terms[terms.length - 1];
  if (!/ing$/i.test(last.text)) return terms;
  const before = terms[terms.length - 2];
  const being = before.tags.some((t) => t === "Actor" || t === "Animal" || t === "Plural");
  const after =
    text
      .slice(last.offset.start + last.offset.length)
      .trim()
      .split(/\s+/)[0] ?? "";
  return being || OBJECT_STARTS.has(after.toLowerCase()) ? terms.slice(0, -1) : terms;
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
