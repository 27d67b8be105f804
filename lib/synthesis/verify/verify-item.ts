/**
 * The verifier: re-derives the right answer of a synthesised item from its own rendered
 * text (the captions, the question, the options) and checks the answer given. It uses
 * the task name (known from the file) and the wording pools and attribute lexicon (the
 * format's vocabulary), never the generator's metadata. Every item synthesis writes has
 * passed it; it also rejects items written by hand with a wrong answer.
 */
import type { T3Pair } from "../../records/index";
import type { TaskKey } from "../../records/index";
import { UNCHANGED_OPTION, kindsWithValues } from "../lexicon/attribute-lexicon";
import { type CaptionDifference, findCaptionDifferences } from "../lexicon/caption-difference";
import { locatePhrase, stripArticle } from "../lexicon/locate-phrase";
import {
  GROUNDING_QUESTIONS,
  ORDER_CONNECTIVES,
  ORDER_PREFIX_SETS,
  REFER_ANCHOR_ANY2TEMP_QUESTIONS,
  REFER_ANCHOR_TEMP2ANY_QUESTIONS,
  REFER_ANY2TEMP_QUESTIONS,
  REFER_TEMP2ANY_QUESTIONS,
  TIME_WORDS,
} from "../tasks/prompt-pools";
import { matchTemplate } from "../tasks/template-pattern";
import { parseRenderedAnswer, parseRenderedQuestion } from "./parse-rendered-item";

export interface Verdict {
  ok: boolean;
  /** The option index the text supports, when exactly one does. */
  derived?: number;
  problems: string[];
}

/** Truth of each option, or a reason the item cannot be checked. */
type Truths = boolean[] | string;

/** Verifies a human/gpt pair of `task`. */
export function verifyPair(task: TaskKey, pair: T3Pair): Verdict {
  return verifyRendered(task, pair[0].value, pair[1].value);
}

/** Verifies a rendered question and answer of `task`. */
export function verifyRendered(task: TaskKey, question: string, answer: string): Verdict {
  const parts = parseRenderedQuestion(question);
  if (typeof parts === "string") return { ok: false, problems: [parts] };
  const given = parseRenderedAnswer(answer);
  if (typeof given === "string") return { ok: false, problems: [given] };
  const problems: string[] = [];
  if (new Set(parts.options).size !== parts.options.length) problems.push("duplicate options");
  if (parts.options.length < 2) problems.push("fewer than two options");
  const truths = optionTruths(task, parts.captions, parts.question, parts.options);
  if (typeof truths === "string") return { ok: false, problems: [...problems, truths] };
  const trueOnes = truths.flatMap((t, i) => (t ? [i] : []));
  if (trueOnes.length !== 1) {
    problems.push(`${trueOnes.length} options are supported by the captions (need exactly one)`);
    return { ok: false, problems };
  }
  const derived = trueOnes[0];
  if (given.index !== derived) {
    problems.push(
      `the answer is (${String.fromCharCode(65 + given.index)}), the captions support (${String.fromCharCode(65 + derived)})`,
    );
  }
  if (given.text !== parts.options[given.index])
    problems.push("the answer text differs from its option");
  return { ok: problems.length === 0, derived, problems };
}

function optionTruths(
  task: TaskKey,
  captions: string[],
  question: string,
  options: string[],
): Truths {
  switch (task) {
    case "order":
      return question.includes("(1) ")
        ? arrangementTruths(captions, question, options)
        : options.map((o) => sequenceTruth(captions, o.split(", ")));
    case "order_shuffle_phrase":
      return options.map((o) => sequenceTruth(captions, splitConnected(o)));
    case "order_shuffle_prefix":
      return options.map((o) => sequenceTruth(captions, splitPrefixed(o)));
    case "order_shuffle_sentence":
      return options.map((o) => sentenceTruth(captions, o));
    case "attribute":
      return attributeTruths(captions, options);
    case "refer_begin_end_temp2any": {
      const slots = matchTemplate(REFER_TEMP2ANY_QUESTIONS, question);
      if (!slots) return "the question fits no temp2any template";
      const part = TIME_WORDS.indexOf(slots.time as (typeof TIME_WORDS)[number]);
      return mapOptions(captions, options, (at) => at >= 0 && partOf(at, captions.length) === part);
    }
    case "refer_begin_end_any2temp":
    case "grounding": {
      const pool = task === "grounding" ? GROUNDING_QUESTIONS : REFER_ANY2TEMP_QUESTIONS;
      const slots = matchTemplate(pool, question);
      if (!slots) return `the question fits no ${task} template`;
      const at = locatePhrase(captions, slots.object);
      if (at < 0) return `"${slots.object}" is not in exactly one caption`;
      return options.map((o) => o === `the ${TIME_WORDS[partOf(at, captions.length)]}`);
    }
    case "refer_anchor_temp2any": {
      const slots = matchTemplate(REFER_ANCHOR_TEMP2ANY_QUESTIONS, question);
      if (!slots) return "the question fits no anchor template";
      const anchor = locatePhrase(captions, slots.anchor);
      if (anchor < 0) return `the anchor "${slots.anchor}" is not in exactly one caption`;
      const want = slots.rel === "after" ? anchor + 1 : anchor - 1;
      return mapOptions(captions, options, (at) => at === want);
    }
    case "refer_anchor_any2temp": {
      const slots = matchTemplate(REFER_ANCHOR_ANY2TEMP_QUESTIONS, question);
      if (!slots) return "the question fits no anchor template";
      const target = locatePhrase(captions, slots.object);
      if (target < 0) return `"${slots.object}" is not in exactly one caption`;
      const truths: boolean[] = [];
      for (const o of options) {
        const m = /^right (before|after) the (.+)$/.exec(o);
        if (!m) return `option "${o}" is not "right before/after the …"`;
        const other = locatePhrase(captions, m[2]);
        if (other < 0) return `"${m[2]}" is not in exactly one caption`;
        truths.push(m[1] === "after" ? target === other + 1 : target === other - 1);
      }
      return truths;
    }
  }
}

/** begin / middle / end: which third of the context a caption falls in. */
function partOf(index: number, total: number): number {
  return Math.floor((3 * index) / total);
}

/** Locates each option's phrase; a phrase in several captions makes the item unusable. */
function mapOptions(captions: string[], options: string[], test: (at: number) => boolean): Truths {
  const truths: boolean[] = [];
  for (const o of options) {
    const at = locatePhrase(captions, o);
    if (at === -2) return `"${o}" is mentioned by several captions`;
    truths.push(test(at));
  }
  return truths;
}

/** True when the phrases appear, in this order, each in its own single caption. */
function sequenceTruth(captions: string[], phrases: string[]): boolean {
  let last = -1;
  for (const p of phrases) {
    const at = locatePhrase(captions, stripArticle(p));
    if (at <= last) return false;
    last = at;
  }
  return true;
}

function arrangementTruths(captions: string[], question: string, options: string[]): Truths {
  const list = question.slice(question.indexOf("(1) "), question.lastIndexOf("."));
  const items = list.split(/\s*\(\d+\)\s*/).slice(1);
  const truths: boolean[] = [];
  for (const o of options) {
    if (!/^(\(\d+\))+$/.test(o)) return `option "${o}" is not an arrangement like (2)(1)(3)`;
    const order = (o.match(/\d+/g) ?? []).map((d) => items[Number(d) - 1]);
    if (order.length !== items.length || order.some((x) => x === undefined))
      return `option "${o}" does not list every item`;
    truths.push(sequenceTruth(captions, order));
  }
  return truths;
}

const CONNECTIVE_SPLIT = new RegExp(ORDER_CONNECTIVES.map((c) => c.replace(/[,]/g, ",")).join("|"));

function splitConnected(option: string): string[] {
  return option.split(CONNECTIVE_SPLIT);
}

const PREFIX_WORDS = [...new Set(ORDER_PREFIX_SETS.flat())].sort((a, b) => b.length - a.length);

function splitPrefixed(option: string): string[] {
  return option.split(", ").map((part) => {
    const p = PREFIX_WORDS.find((w) => part.toLowerCase().startsWith(`${w.toLowerCase()} `));
    return p ? part.slice(p.length + 1) : `\u0000${part}`; // no prefix: cannot match
  });
}

/** "The die appears before the book cover and the split-screen". */
function sentenceTruth(captions: string[], option: string): boolean {
  const m = /^(.+?) appears (before|after) (.+?) and (.+)$/.exec(option);
  if (!m) return false;
  const at = locatePhrase(captions, stripArticle(m[1]));
  const y = locatePhrase(captions, stripArticle(m[3]));
  const z = locatePhrase(captions, stripArticle(m[4]));
  if (at < 0 || y < 0 || z < 0) return false;
  return m[2] === "before" ? at < y && at < z : at > y && at > z;
}

/**
 * "dimly lit" → "softly lit" differ in one word, "dimly" → "softly"; the lexicon's
 * phrases take in the shared words after it, so widen the change until both ends are
 * phrases of one kind (when they never are, as with an LLM's edit, keep the bare span).
 */
function lexiconSpans(d: CaptionDifference): { before: string; after: string } {
  for (let n = 0; n <= Math.min(2, d.following.length); n++) {
    const tail = d.following.slice(0, n).join(" ");
    const before = n === 0 ? d.before : `${d.before} ${tail}`;
    const after = n === 0 ? d.after : `${d.after} ${tail}`;
    if (kindsWithValues(before, after).length > 0) return { before, after };
  }
  return { before: d.before, after: d.after };
}

function attributeTruths(captions: string[], options: string[]): Truths {
  const diffs = findCaptionDifferences(captions);
  if (diffs.length > 1) return `${diffs.length} caption pairs differ in one span (need one scene)`;
  const d = diffs[0] === undefined ? undefined : lexiconSpans(diffs[0]);
  return options.map((o) => {
    if (o === UNCHANGED_OPTION) return d === undefined;
    if (d === undefined) return false;
    const fromTo = /^from (.+) to (.+)$/.exec(o);
    if (fromTo) return fromTo[1].toLowerCase() === d.before && fromTo[2].toLowerCase() === d.after;
    const kind = kindsWithValues(d.before, d.after).find((k) => k.comparative);
    if (!kind?.comparative) return false;
    const rise = kind.values.indexOf(d.after) > kind.values.indexOf(d.before);
    return o === (rise ? kind.comparative.up : kind.comparative.down);
  });
}
