/**
 * Where a caption states an attribute of the lexicon, right before the thing it qualifies:
 * "a loose polo shirt" → {kind: "fit", value: "loose", subject: "polo shirt"}. Annotated
 * captions say so themselves; others are searched for the lexicon's phrases, and the
 * subject after the phrase is found with the tagger (extractMainObject).
 */
import type { Caption } from "../captions/caption-record";
import { type NounRun, nounRuns } from "../captions/extract-main-object";
import { ATTRIBUTE_LEXICON, type AttributeKind, attributeKind } from "./attribute-lexicon";

export interface FoundAttribute {
  kind: AttributeKind;
  /** The phrase as written in the caption. */
  value: string;
  subject: string;
  /** Character offset of `value` in the caption text. */
  at: number;
}

const ALL_VALUES = ATTRIBUTE_LEXICON.flatMap((k) => k.values.map((v) => ({ v, k })));
const VALUE_PATTERN = new RegExp(
  `(?<![\\w-])(${ALL_VALUES.map((x) => x.v.replace(/[-]/g, "\\-"))
    .sort((a, b) => b.length - a.length)
    .join("|")})(?= [A-Za-z])`,
  "gi",
);

/**
 * The attributes a record states itself: its `attributes`, or none when it is annotated
 * (has a `noun_phrase`) without them; undefined when it is not annotated at all.
 */
export function annotatedAttributes(caption: Caption): Caption["attributes"] {
  return caption.attributes ?? (caption.nounPhrase !== undefined ? [] : undefined);
}

/** Cheap test: does the text hold any lexicon phrase before a word? */
export function mentionsLexiconValue(text: string): boolean {
  VALUE_PATTERN.lastIndex = 0;
  return VALUE_PATTERN.test(text);
}

/**
 * The first lexicon attribute the caption carries, or undefined. `runs` gives the
 * caption's noun runs (tagged once, shared with its main object).
 */
export function findLexiconAttribute(
  caption: Caption,
  runs: () => NounRun[] = () => nounRuns(caption.text),
): FoundAttribute | undefined {
  const annotated = annotatedAttributes(caption);
  if (annotated !== undefined) {
    for (const a of annotated) {
      const kind = attributeKind(a.kind);
      if (!kind || !kind.values.includes(a.value.toLowerCase())) continue;
      const at = wordIndex(caption.text, a.value);
      if (at >= 0)
        return { kind, value: caption.text.slice(at, at + a.value.length), subject: a.subject, at };
    }
    return undefined;
  }
  VALUE_PATTERN.lastIndex = 0;
  for (let m = VALUE_PATTERN.exec(caption.text); m !== null; m = VALUE_PATTERN.exec(caption.text)) {
    const value = m[1];
    const end = m.index + value.length;
    // The thing qualified: a run that holds the phrase or starts right after it, and whose
    // nouns come after it ("a loose polo shirt", "a dimly lit kitchen"; not "an orange").
    const text = caption.text;
    const run = runs().find(
      (r) => r.nounStart >= end && (r.start <= end || text.slice(end, r.start).trim() === ""),
    );
    if (!run || run.picture) continue;
    const kind = ALL_VALUES.find((x) => x.v === value.toLowerCase())!.k;
    return { kind, value, subject: run.nounPhrase, at: m.index };
  }
  return undefined;
}

/**
 * Offset of `phrase` in `text` as whole words, or -1. The case of the phrase's first
 * letter is ignored (a phrase may start a sentence); the rest must match exactly, which
 * keeps this cheap on the hot path (no lower-casing of whole captions).
 */
export function wordIndex(text: string, phrase: string): number {
  if (phrase === "") return -1;
  const first = phrase[0];
  const other = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  const found = wordIndexExact(text, phrase);
  if (found >= 0 || other === first) return found;
  return wordIndexExact(text, other + phrase.slice(1));
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45 ||
    code > 127
  );
}

function wordIndexExact(text: string, phrase: string): number {
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + phrase.length])) return i;
  }
  return -1;
}
