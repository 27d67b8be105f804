/**
 * The classroom: every lesson's exercises with answers derived from the kit, the self-check
 * `check(id, answer)`, students' copies (release) and their grading.
 */
export type { Exercise } from "./exercises/exercise";
export { EXERCISES, findExercise } from "./exercises/exercise-catalogue";
export { EXAMPLE_RECORD } from "./exercises/tokens-exercises";
export { writePlantedMix, type PlantedMix } from "./exercises/write-planted-mix";
export { answersMatch } from "./check/answers-match";
export { check, NotYetError } from "./check/check-answer";
export {
  releaseNotebook,
  stubSolutions,
  SOLUTION_STUB,
  MARKDOWN_STUB,
} from "./release/release-notebook";
export { releaseNotebooks, releaseLine, type ReleasedNotebook } from "./release/release-notebooks";
export {
  type GradedCell,
  type NbgraderMetadata,
  exerciseIdOf,
  isGradedTest,
} from "./grade/graded-cell";
export { scoreNotebook, type NotebookScore, type ExerciseScore } from "./grade/score-notebook";
export { gradeNotebooks, type GradeOptions } from "./grade/grade-notebooks";
export { gradesJson, gradesText } from "./grade/format-grades";
