/**
 * Attribute-change items (paper Figure 4): one scene shown twice, before and after one
 * attribute changes ("dimly lit" → "brightly lit"), among 2·k−2 other keyframes at k·x
 * length. The change comes from the attribute lexicon, or, for captions the lexicon does
 * not cover, from an LLM (see llm-attribute-contrast.ts). Options: the change, the reverse
 * change, "it remains unchanged" and, for non-scale kinds, a change to a third value.
 */
import type { PooledCaption } from "../captions/caption-pool";
import { UNCHANGED_OPTION } from "../lexicon/attribute-lexicon";
import { findCaptionDifferences, oneSpanDifference } from "../lexicon/caption-difference";
import { changeAttribute } from "../lexicon/change-attribute";
import { placeOptions } from "./balanced-letters";
import { type GeneratorContext, makeItem, sortedPositions } from "./generator-context";
import type { SynthesisItem } from "./synthesis-item";
import { contextSize } from "./task-catalog";
import { fillTemplate } from "./template-pattern";

/** A written contrast: the scene before and after, and how to ask and answer. */
export interface AttributeContrast {
  before: string;
  after: string;
  question: string;
  /** The correct option, then the wrong ones. */
  correct: string;
  wrong: string[];
}

/** An external writer of contrasts for captions the lexicon does not cover (an LLM). */
export type ContrastWriter = (captionText: string) => Promise<AttributeContrast | undefined>;

/** The lexicon's contrast for a caption that carries one of its attributes. */
export function lexiconContrast(
  ctx: GeneratorContext,
  entry: PooledCaption,
): AttributeContrast | undefined {
  const found = entry.lexiconAttribute();
  if (!found) return undefined;
  const { kind, value, at } = found;
  const from = value.toLowerCase();
  const choices = kind.values.filter((v) => v !== from);
  const to = ctx.rng.choice(choices);
  const changed = changeAttribute(entry.caption.text, at, value.length, to);
  // Half the items show the change the other way round.
  const forward = ctx.rng.randbelow(2) === 0;
  const [a, b] = forward ? [from, to] : [to, from];
  const templates = kind.questions.filter((q) => !q.includes("{subject}") || found.subject !== "");
  const question = fillTemplate(ctx.rng.choice(templates), { subject: found.subject });
  if (kind.comparative) {
    const rise = kind.values.indexOf(b) > kind.values.indexOf(a);
    const { up, down } = kind.comparative;
    return {
      before: forward ? entry.caption.text : changed,
      after: forward ? changed : entry.caption.text,
      question,
      correct: rise ? up : down,
      wrong: [rise ? down : up, UNCHANGED_OPTION],
    };
  }
  const third = kind.values.filter((v) => v !== a && v !== b);
  const wrong = [`from ${b} to ${a}`, UNCHANGED_OPTION];
  if (third.length > 0) wrong.push(`from ${a} to ${ctx.rng.choice(third)}`);
  return {
    before: forward ? entry.caption.text : changed,
    after: forward ? changed : entry.caption.text,
    question,
    correct: `from ${a} to ${b}`,
    wrong,
  };
}

/**
 * One attribute item. With a contrast writer, a scene is any caption (the writer is
 * asked when the lexicon has nothing); without one, scenes come from captions that
 * mention a lexicon phrase.
 */
export async function generateAttributeItem(
  ctx: GeneratorContext,
  writer?: ContrastWriter,
): Promise<SynthesisItem | undefined> {
  const size = contextSize("attribute", ctx.length);
  const source = writer ? ctx.pool : ctx.attributePool;
  const scene = source.sample(ctx.rng, 1)?.[0];
  if (!scene) return undefined;
  let contrast = lexiconContrast(ctx, scene);
  if (!contrast && writer) contrast = await writer(scene.caption.text);
  if (!contrast || !oneSpanDifference(contrast.before, contrast.after)) return undefined;
  const fillers = ctx.pool.sample(ctx.rng, size - 2, scene);
  if (!fillers) return undefined;
  const [p, q] = sortedPositions(ctx.rng, size, 2);
  const captions: string[] = [];
  let f = 0;
  for (let i = 0; i < size; i++) {
    captions.push(i === p ? contrast.before : i === q ? contrast.after : fillers[f++].caption.text);
  }
  // Fillers must not look like a second changing scene (or repeat the scene).
  if (findCaptionDifferences(captions).length !== 1 || new Set(captions).size !== size)
    return undefined;
  const slot = ctx.letters.next(contrast.wrong.length + 1);
  const options = placeOptions(ctx.rng, contrast.correct, contrast.wrong, slot);
  return makeItem(ctx, captions, contrast.question, options, slot);
}
