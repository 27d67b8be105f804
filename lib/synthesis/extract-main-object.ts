/**
 * The main object of a caption, found with the `compromise` part-of-speech tagger (used
 * only for captions that carry no `noun_phrase` annotation): the first noun chunk that is
 * not the picture itself ("The image shows …"). Returns the chunk's nouns ("school bus")
 * and the nouns with their adjectives ("black coins"), both as written in the caption so
 * that they can be found in it again.
 *
 * Speed: about 0.4 ms per caption on this 2-core machine (compromise tags every word), so
 * synthesis calls it lazily, once per caption actually used, and caches the result on the
 * caption. An annotated caption set skips it entirely.
 */
import type nlpFunction from "compromise";

// A plain require: the package's CommonJS build exports the function itself (no
// `default`), which a default import would miss under tslab's compiler settings.
const nlp: typeof nlpFunction = require("compromise");

/** The slice of compromise's match result this module reads. */
interface MatchView {
  found: boolean;
  json(options?: object): unknown;
}

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

interface OffsetJson {
  offset?: { start: number; length: number };
}

/** The main object of `text`, or undefined when the tagger finds no usable noun. */
export function extractMainObject(text: string): MainObject | undefined {
  const doc = nlp(text);
  const chunks = doc.nouns();
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks.eq(i);
    const nouns = chunk.match("#Noun+").not("#Gerund").not("#Pronoun").first();
    const nounSpan = dropTrailingParticiple(spanOf(text, nouns), nouns);
    if (nounSpan === undefined) continue;
    const head = nounSpan.toLowerCase().split(/\s+/).pop() ?? "";
    if (PICTURE_WORDS.has(head) || PICTURE_WORDS.has(nounSpan.toLowerCase())) continue;
    const withAdjectives = chunk.match("#Adjective+ #Noun+").not("#Gerund").first();
    const objectSpan = dropTrailingParticiple(spanOf(text, withAdjectives), withAdjectives);
    const object =
      objectSpan?.toLowerCase().endsWith(nounSpan.toLowerCase()) === true ? objectSpan : nounSpan;
    return { nounPhrase: nounSpan, object };
  }
  return undefined;
}

interface TermJson {
  terms: { text: string; tags: string[] }[];
}

/**
 * The tagger reads "a person dancing" as one noun chunk; an -ing word right after a noun
 * for a being ("person", "dogs") is what it does, not part of its name. "brick building"
 * keeps its -ing word, as the word before it names no being.
 */
function dropTrailingParticiple(span: string | undefined, view: MatchView): string | undefined {
  if (span === undefined) return undefined;
  const terms = (view.json() as TermJson[])[0]?.terms ?? [];
  if (terms.length < 2) return span;
  const last = terms[terms.length - 1];
  const before = terms[terms.length - 2];
  const being = before.tags.some((t) => t === "Actor" || t === "Animal" || t === "Plural");
  if (!/ing$/i.test(last.text) || !being) return span;
  const cut = span.toLowerCase().lastIndexOf(last.text.toLowerCase());
  return cut > 0 ? span.slice(0, cut).trim() : span;
}

/** The original text of a match, widened to whole words (compromise splits hyphens). */
function spanOf(text: string, view: MatchView): string | undefined {
  if (!view.found) return undefined;
  const json = view.json({ offset: true }) as OffsetJson[];
  const first = json[0]?.offset;
  if (!first) return undefined;
  let start = first.start;
  let end = first.start + first.length;
  while (start > 0 && /[\w-]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  const span = text
    .slice(start, end)
    .replace(/^[^\w]+|[^\w]+$/g, "")
    .replace(/^(a|an|the|some|two|three|four|five|several|many)\s+/i, "");
  return span === "" ? undefined : span;
}
