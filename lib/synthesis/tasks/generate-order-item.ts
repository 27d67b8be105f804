/**
 * Order items (paper Figure 4 and teaser): the captions of 4·k keyframes, and a question
 * about the order of some of their main objects, in one of three forms drawn per item:
 * - noun-phrase options: "(C) book cover, die, school bus, split-screen";
 * - index arrangement: "Arrange the images …: (1) die (2) book cover …" → "(B) (2)(1)(4)(3)";
 * - the teaser's item list: "Arrange the following items …: person, street, room." with
 *   all six orders of three items as options.
 */
import { placeOptions } from "./balanced-letters";
import {
  type GeneratorContext,
  allPermutations,
  makeItem,
  sortedPositions,
  uniqueObjects,
  wrongPermutations,
} from "./generator-context";
import {
  ORDER_ARRANGE_QUESTIONS,
  ORDER_ITEMS_QUESTIONS,
  ORDER_LIST_QUESTIONS,
} from "./prompt-pools";
import type { SynthesisItem } from "./synthesis-item";
import { contextSize } from "./task-catalog";
import { fillTemplate } from "./template-pattern";

/** One order item, or undefined when the drawn captions do not make a checkable one. */
export function generateOrderItem(ctx: GeneratorContext): SynthesisItem | undefined {
  const size = contextSize("order", ctx.length);
  const entries = ctx.pool.sample(ctx.rng, size);
  if (!entries) return undefined;
  const form = ctx.rng.randbelow(3);
  const k = form === 2 ? 3 : 4;
  const positions = sortedPositions(ctx.rng, size, k);
  const phrases = uniqueObjects(entries, "nounPhrase", positions);
  if (!phrases) return undefined;
  const captions = entries.map((e) => e.caption.text);
  if (form === 0) {
    const slot = ctx.letters.next(4);
    const wrong = wrongPermutations(ctx.rng, k, 3).map((p) => p.map((i) => phrases[i]).join(", "));
    const options = placeOptions(ctx.rng, phrases.join(", "), wrong, slot);
    return makeItem(ctx, captions, ctx.rng.choice(ORDER_LIST_QUESTIONS), options, slot);
  }
  if (form === 1) {
    // Listed in a shuffled order; the answer gives the list numbers in video order.
    const listed = wrongPermutations(ctx.rng, k, 1)[0];
    const list = listed.map((i, n) => `(${n + 1}) ${phrases[i]}`).join(" ");
    const numberOf = (i: number) => listed.indexOf(i) + 1;
    const render = (perm: number[]) => perm.map((i) => `(${numberOf(i)})`).join("");
    const slot = ctx.letters.next(4);
    const wrong = wrongPermutations(ctx.rng, k, 3).map(render);
    const options = placeOptions(ctx.rng, render([0, 1, 2, 3]), wrong, slot);
    const question = fillTemplate(ctx.rng.choice(ORDER_ARRANGE_QUESTIONS), { list });
    return makeItem(ctx, captions, question, options, slot);
  }
  const listed = wrongPermutations(ctx.rng, k, 1)[0];
  const items = listed.map((i) => phrases[i]).join(", ");
  const perms = allPermutations(k).map((p) => p.map((i) => phrases[i]).join(", "));
  const correctText = phrases.join(", ");
  const slot = ctx.letters.next(perms.length);
  const wrong = ctx.rng.shuffle(perms.filter((p) => p !== correctText));
  const options = placeOptions(ctx.rng, correctText, wrong, slot);
  const question = fillTemplate(ctx.rng.choice(ORDER_ITEMS_QUESTIONS), { items });
  return makeItem(ctx, captions, question, options, slot);
}
