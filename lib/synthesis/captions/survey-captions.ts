/**
 * The first of synthesis's two passes over a caption file: reads every record (so a bad
 * one stops the run before any output exists), counts the captions of each split and
 * those that mention an attribute of the lexicon, and hashes the file.
 */
import { sha256File } from "../../files/index";
import { annotatedAttributes, mentionsLexiconValue } from "../lexicon/find-lexicon-attribute";
import type { Caption } from "./caption-record";
import { type CaptionFileFormat, detectCaptionFormat, readCaptions } from "./read-captions";

/** Every `VALIDATION_EVERY`-th caption (the last of each run of 8) goes to validation. */
export const VALIDATION_EVERY = 8;

/** Which split the caption at stream position `index` (0-based) belongs to. */
export function splitOf(index: number, withValidation: boolean): "train" | "validation" {
  return withValidation && index % VALIDATION_EVERY === VALIDATION_EVERY - 1
    ? "validation"
    : "train";
}

/**
 * The split of each caption as the stream goes by, a caption's text deciding once: the
 * first time a text (lower-cased, whitespace runs made one space) comes by it takes
 * splitOf(its position); every later copy of it goes to the same split. Caption files
 * repeat captions (the same stock description of many images), and by position alone a
 * repeated caption could be shown in training items and in validation items, leaking the
 * validation split into training (`t3kit mix inspect --against` finds such items).
 */
export class CaptionSplits {
  private readonly decided = new Map<string, "train" | "validation">();
  private position = 0;

  constructor(private readonly withValidation: boolean) {}

  /** The split of the next caption of the stream. */
  next(text: string): "train" | "validation" {
    const key = text.toLowerCase().replace(/\s+/g, " ").trim();
    let split = this.decided.get(key);
    if (split === undefined) {
      split = splitOf(this.position, this.withValidation);
      this.decided.set(key, split);
    }
    this.position++;
    return split;
  }
}

export interface CaptionSurvey {
  file: string;
  format: CaptionFileFormat;
  sha256: string;
  captions: number;
  train: number;
  validation: number;
  /** Captions per split that may carry a lexicon attribute. */
  attributeCandidates: { train: number; validation: number };
  /** Captions with a `noun_phrase` annotation. */
  annotated: number;
}

/** Whether a caption may carry an attribute of the lexicon (cheap; no tagger). */
export function isAttributeCandidate(c: Caption): boolean {
  const annotated = annotatedAttributes(c);
  return annotated !== undefined ? annotated.length > 0 : mentionsLexiconValue(c.text);
}

/** Reads the whole file once; throws InputError at the first bad record. */
export async function surveyCaptions(
  file: string,
  withValidation: boolean,
): Promise<CaptionSurvey> {
  const format = await detectCaptionFormat(file);
  const survey: CaptionSurvey = {
    file,
    format,
    sha256: "",
    captions: 0,
    train: 0,
    validation: 0,
    attributeCandidates: { train: 0, validation: 0 },
    annotated: 0,
  };
  const splits = new CaptionSplits(withValidation);
  for await (const c of readCaptions(file)) {
    const split = splits.next(c.text);
    survey[split]++;
    if (isAttributeCandidate(c)) survey.attributeCandidates[split]++;
    if (c.nounPhrase !== undefined) survey.annotated++;
    survey.captions++;
  }
  survey.sha256 = await sha256File(file);
  return survey;
}
