/**
 * Order-template items: four keyframes, and options that state their order in one of
 * three templates. The release names the files `order_shuffle_{phrase,prefix,sentence}`
 * and their wording is not published [I]; we read the names as:
 * - phrase: noun phrases joined by a connective drawn per item ("the die, then the cup");
 * - prefix: ordinal prefixes drawn per item ("First the die, then the cup, finally …");
 * - sentence: before/after statements, like the released validation answer "A book
 *   cover appears before a CV and a damaged supermarket".
 */
import type { PythonRandom } from "../../pyrandom/index";
import type { TaskKey } from "../../records/index";
import { placeOptions } from "./balanced-letters";
import {
  type GeneratorContext,
  makeItem,
  uniqueObjects,
  wrongPermutations,
} from "./generator-context";
import { ORDER_CONNECTIVES, ORDER_PREFIX_SETS, ORDER_TEMPLATE_QUESTIONS } from "./prompt-pools";
import type { SynthesisItem } from "./synthesis-item";

/** One order-template item of `ctx.task`, or undefined to draw again. */
export function generateOrderTemplateItem(ctx: GeneratorContext): SynthesisItem | undefined {
  const entries = ctx.pool.sample(ctx.rng, 4);
  if (!entries) return undefined;
  const phrases = uniqueObjects(entries, "nounPhrase");
  if (!phrases) return undefined;
  const captions = entries.map((e) => e.caption.text);
  const question = ctx.rng.choice(ORDER_TEMPLATE_QUESTIONS);
  const slot = ctx.letters.next(4);
  if (ctx.task === "order_shuffle_sentence") {
    const statements = sentenceOptions(ctx.rng, phrases);
    if (!statements) return undefined;
    const options = placeOptions(ctx.rng, statements.correct, statements.wrong, slot);
    return makeItem(ctx, captions, question, options, slot);
  }
  const render = templateFor(ctx.task, ctx.rng);
  const wrong = wrongPermutations(ctx.rng, 4, 3).map((p) => render(p.map((i) => phrases[i])));
  const options = placeOptions(ctx.rng, render(phrases), wrong, slot);
  return makeItem(ctx, captions, question, options, slot);
}

function templateFor(task: TaskKey, rng: PythonRandom): (ordered: string[]) => string {
  if (task === "order_shuffle_phrase") {
    const joint = rng.choice(ORDER_CONNECTIVES);
    return (ordered) => ordered.map((p) => `the ${p}`).join(joint);
  }
  const [first, middle, last] = rng.choice(ORDER_PREFIX_SETS);
  return (ordered) =>
    ordered
      .map((p, i) => `${i === 0 ? first : i === ordered.length - 1 ? last : middle} the ${p}`)
      .join(", ");
}

function sentence(x: string, rel: "before" | "after", y: string, z: string): string {
  return `The ${x} appears ${rel} the ${y} and the ${z}`;
}

/** One true before/after statement about the video order, and three false ones. */
function sentenceOptions(
  rng: PythonRandom,
  phrases: string[],
): { correct: string; wrong: string[] } | undefined {
  const holds = (x: number, rel: "before" | "after", y: number, z: number) =>
    rel === "before" ? x < y && x < z : x > y && x > z;
  const all: { text: string; truth: boolean }[] = [];
  for (let x = 0; x < 4; x++) {
    const others = [0, 1, 2, 3].filter((i) => i !== x);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        if (a === b) continue;
        for (const rel of ["before", "after"] as const) {
          const [y, z] = [others[a], others[b]];
          all.push({
            text: sentence(phrases[x], rel, phrases[y], phrases[z]),
            truth: holds(x, rel, y, z),
          });
        }
      }
    }
  }
  const truths = all.filter((s) => s.truth);
  const falses = all.filter((s) => !s.truth);
  const correct = rng.choice(truths).text;
  const wrong = new Set<string>();
  while (wrong.size < 3) wrong.add(rng.choice(falses).text);
  return { correct, wrong: [...wrong] };
}
