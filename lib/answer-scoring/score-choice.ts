/**
 * Scores one answer against the correct letter: 1 when the extracted choice is that letter,
 * else 0 (an answer no option can be read from is wrong, as in the released scorer, whose
 * denominator counts every video).
 */
import type { ChoiceOption } from "./choice-option";
import { extractChoice } from "./extract-choice";

export function scoreChoice(answer: string, options: ChoiceOption[], correctLetter: string): 0 | 1 {
  return extractChoice(answer, options) === correctLetter.toUpperCase() ? 1 : 0;
}
