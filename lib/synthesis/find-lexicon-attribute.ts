import { ATTRIBUTE_LEXICON, type AttributeKind, attributeKind } from "./attribute-lexicon";
/**
 * Where a caption states an attribute of the lexicon, right before the thing it qualifies:
 * "a loose polo shirt" → {kind: "fit", value: "loose", subject: "polo shirt"}. Annotated
 * captions say so themselves; others are searched for the lexicon's phrases, and the
 * subject after the phrase is found with the tagger (extractMainObject).
 */
import type { Caption } from "./caption-record";
import { extractMainObject } from "./extract-main-object";

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

/** Cheap test: does the text hold any lexicon phrase before a word? */
export function mentionsLexiconValue(text: string): boolean {
  VALUE_PATTERN.lastIndex = 0;
  return VALUE_PATTERN.test(text);
}

/** The first lexicon attribute the caption carries, or undefined. */
export function findLexiconAttribute(caption: Caption): FoundAttribute | undefined {
  if (caption.attributes !== undefined) {
    for (const a of caption.attributes) {
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
    const rest = caption.text.slice(m.index + value.length).trim();
    const obj = extractMainObject(rest);
    if (!obj) continue;
    const lowerRest = rest.toLowerCase();
    if (
      !lowerRest.startsWith(obj.object.toLowerCase()) &&
      !lowerRest.startsWith(obj.nounPhrase.toLowerCase())
    ) {
      continue;
    }
    const kind = ALL_VALUES.find((x) => x.v === value.toLowerCase())!.k;
    return { kind, value, subject: obj.nounPhrase, at: m.index };
  }
  return undefined;
}

/** Offset of `phrase` in `text` as a whole word (case-insensitive), or -1. */
export function wordIndex(text: string, phrase: string): number {
  const lower = text.toLowerCase();
  const p = phrase.toLowerCase();
  for (let i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
    const before = i === 0 ? " " : lower[i - 1];
    const after = i + p.length >= lower.length ? " " : lower[i + p.length];
    if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return i;
  }
  return -1;
}
