/**
 * One synthesised question in structured form, before rendering: what the verifier, the
 * notebook and the tests look at. The released files only hold its rendering (T3Pair).
 */
import type { TaskKey } from "../../records/index";

export interface SynthesisItem {
  task: TaskKey;
  /** Context length multiplier: 1, 2, 4 or 8. */
  length: number;
  prefix: string;
  /** One caption per keyframe, in video order. */
  captions: string[];
  question: string;
  options: string[];
  /** Index of the correct option. */
  correct: number;
  suffix: string;
}

/** "A", "B", … for an option index. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
