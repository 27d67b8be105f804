/**
 * The prompts of the released probing inference (`probing/longva_inference.py`): the video
 * question with its options and suffix, and the text-only form that gives the LLM frame
 * captions instead of the video (the released captions were written by GPT-4o and live in
 * `datas/frame_captions/<aspect>.json`; the kit writes its own from what it drew, in the
 * layout of the textual probing data, "Frame 1: …").
 */
import type { ChoiceOption } from "../../answer-scoring/index";
import type { ProbingAspect } from "./probing-aspects";

/** "Question: …\nOptions:(A) … (B) ….\n<suffix> ", byte for byte as the released strings. */
export function videoQuestion(aspect: ProbingAspect): string {
  const letters = aspect.options.map((o, i) => `(${String.fromCharCode(65 + i)}) ${o}.`);
  // Blooming and brightness have a space after "Options:", the others none; order_3 ends
  // its option list with " \n": the released strings, kept as they are.
  const attribute = aspect.group === "Attribute";
  const options = attribute ? `Options: ${letters.join(" ")}` : `Options:${letters.join(" ")}`;
  const end = aspect.name === "order_3" ? " \n" : "\n";
  return `Question: ${aspect.question}\n${options}${end}${aspect.suffix} `;
}

export const TEXT_PROMPT_HEAD =
  "Using the provided frame-by-frame video description, please answer the related question about the video.";

/** The text-only prompt: the head, the frame captions, then the same question. */
export function textQuestion(aspect: ProbingAspect, frameCaptions: string[]): string {
  const description = frameCaptions.map((c, i) => `Frame ${i + 1}: ${c}`).join("\n");
  return `${TEXT_PROMPT_HEAD}\n\nVideo Description:\n\n${description}\n\n${videoQuestion(aspect)}`;
}

export function aspectChoices(aspect: ProbingAspect): ChoiceOption[] {
  return aspect.options.map((text, i) => ({ letter: String.fromCharCode(65 + i), text }));
}

/** The letter of a class folder's option. */
export function correctLetter(aspect: ProbingAspect, className: string): string {
  const index = aspect.classes.indexOf(className);
  if (index < 0) throw new Error(`${aspect.name} has no class "${className}"`);
  return String.fromCharCode(65 + index);
}
