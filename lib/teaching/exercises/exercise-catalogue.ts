/**
 * Every lesson's exercises, in notebook order. A new lesson adds one file beside these and
 * one line here (its ids "NN.k").
 */
import { InputError } from "../../errors/index";
import { EVALUATION_EXERCISES } from "./evaluation-exercises";
import type { Exercise } from "./exercise";
import { MIX_ANALYSIS_EXERCISES } from "./mix-analysis-exercises";
import { MIXING_EXERCISES } from "./mixing-exercises";
import { PROBING_EXERCISES } from "./probing-exercises";
import { RESULTS_EXERCISES } from "./results-exercises";
import { SYNTHESIS_EXERCISES } from "./synthesis-exercises";
import { TOKENS_EXERCISES } from "./tokens-exercises";
import { TRAINING_EXERCISES } from "./training-exercises";

export const EXERCISES: readonly Exercise[] = [
  ...PROBING_EXERCISES,
  ...SYNTHESIS_EXERCISES,
  ...MIXING_EXERCISES,
  ...TOKENS_EXERCISES,
  ...TRAINING_EXERCISES,
  ...RESULTS_EXERCISES,
  ...EVALUATION_EXERCISES,
  ...MIX_ANALYSIS_EXERCISES,
];

export function findExercise(id: string): Exercise {
  const found = EXERCISES.find((e) => e.id === id);
  if (!found) {
    throw new InputError(
      { file: "t3.check", field: "exercise" },
      `no exercise "${id}" (have: ${EXERCISES.map((e) => e.id).join(", ")})`,
    );
  }
  return found;
}
