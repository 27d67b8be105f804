/**
 * Temporal referring and grounding items (paper Figure 4: black coins / blue plates / red
 * apples, with "yellow bananas" as the distractor). Objects keep their adjectives.
 * - begin_end temp2any: "What objects are shown … in the middle of the video?" → object;
 * - begin_end any2temp and grounding: the object → "the begin / the middle / the end";
 * - anchor temp2any: "What is shown right after the blue plates?" → object;
 * - anchor any2temp: "When does the red apples appear …?" → "right after the blue plates".
 */
import { locatePhrase } from "../lexicon/locate-phrase";
import { placeOptions } from "./balanced-letters";
import { type GeneratorContext, makeItem, uniqueObjects } from "./generator-context";
import {
  GROUNDING_QUESTIONS,
  REFER_ANCHOR_ANY2TEMP_QUESTIONS,
  REFER_ANCHOR_TEMP2ANY_QUESTIONS,
  REFER_ANY2TEMP_QUESTIONS,
  REFER_TEMP2ANY_QUESTIONS,
  TIME_WORDS,
} from "./prompt-pools";
import type { SynthesisItem } from "./synthesis-item";
import { contextSize, taskSpec } from "./task-catalog";
import { fillTemplate } from "./template-pattern";

/** One referring or grounding item of `ctx.task`, or undefined to draw again. */
export function generateReferringItem(ctx: GeneratorContext): SynthesisItem | undefined {
  const size = contextSize(ctx.task, ctx.length);
  const extra = taskSpec(ctx.task).distractors;
  const entries = ctx.pool.sample(ctx.rng, size + extra);
  if (!entries) return undefined;
  const shown = entries.slice(0, size);
  const captions = shown.map((e) => e.caption.text);
  const objects = uniqueObjects(shown, "object");
  if (!objects) return undefined;
  let distractor: string | undefined;
  if (extra > 0) {
    distractor = entries[size].mainObject()?.object;
    if (!distractor || locatePhrase(captions, distractor) !== -1) return undefined;
    if (objects.some((o) => o.toLowerCase() === distractor!.toLowerCase())) return undefined;
  }
  const part = (i: number) => Math.floor((3 * i) / size);
  switch (ctx.task) {
    case "refer_begin_end_temp2any": {
      // One keyframe per part at 1x: the asked part's object is the answer.
      const target = ctx.rng.randbelow(size);
      const time = TIME_WORDS[part(target)];
      const question = fillTemplate(ctx.rng.choice(REFER_TEMP2ANY_QUESTIONS), { time });
      const wrong = [...objects.filter((_, i) => part(i) !== part(target)), distractor!];
      if (wrong.length !== 3) return undefined;
      const slot = ctx.letters.next(4);
      return makeItem(
        ctx,
        captions,
        question,
        placeOptions(ctx.rng, objects[target], wrong, slot),
        slot,
      );
    }
    case "refer_begin_end_any2temp":
    case "grounding": {
      // Options stay in time order, as in the paper; the asked part is dealt evenly.
      const slot = ctx.letters.next(3);
      const members = objects.map((_, i) => i).filter((i) => part(i) === slot);
      const target = ctx.rng.choice(members);
      const pool = ctx.task === "grounding" ? GROUNDING_QUESTIONS : REFER_ANY2TEMP_QUESTIONS;
      const question = fillTemplate(ctx.rng.choice(pool), { object: objects[target] });
      return makeItem(
        ctx,
        captions,
        question,
        TIME_WORDS.map((t) => `the ${t}`),
        slot,
      );
    }
    case "refer_anchor_temp2any": {
      const rel = ctx.rng.randbelow(2) === 0 ? "after" : "before";
      const anchor =
        rel === "after" ? ctx.rng.randbelow(size - 1) : 1 + ctx.rng.randbelow(size - 1);
      const answer = rel === "after" ? anchor + 1 : anchor - 1;
      const question = fillTemplate(ctx.rng.choice(REFER_ANCHOR_TEMP2ANY_QUESTIONS), {
        rel,
        anchor: objects[anchor],
      });
      const wrong = [...objects.filter((_, i) => i !== anchor && i !== answer), distractor!];
      const slot = ctx.letters.next(4);
      return makeItem(
        ctx,
        captions,
        question,
        placeOptions(ctx.rng, objects[answer], wrong, slot),
        slot,
      );
    }
    case "refer_anchor_any2temp": {
      const target = ctx.rng.randbelow(size);
      const statements: { text: string; truth: boolean }[] = [];
      for (let o = 0; o < size; o++) {
        if (o === target) continue;
        statements.push({ text: `right after the ${objects[o]}`, truth: target === o + 1 });
        statements.push({ text: `right before the ${objects[o]}`, truth: target === o - 1 });
      }
      const correct = ctx.rng.choice(statements.filter((s) => s.truth)).text;
      const falses = statements.filter((s) => !s.truth).map((s) => s.text);
      const wrong = new Set<string>();
      while (wrong.size < 3) wrong.add(ctx.rng.choice(falses));
      const question = fillTemplate(ctx.rng.choice(REFER_ANCHOR_ANY2TEMP_QUESTIONS), {
        object: objects[target],
      });
      const slot = ctx.letters.next(4);
      return makeItem(
        ctx,
        captions,
        question,
        placeOptions(ctx.rng, correct, [...wrong], slot),
        slot,
      );
    }
    default:
      throw new Error(`not a referring task: ${ctx.task}`);
  }
}
