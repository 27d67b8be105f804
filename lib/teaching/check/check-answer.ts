/**
 * `t3.check("03.2", answer)`: the self-check of a notebook's exercise, and its graded test
 * cell. A right answer returns a line saying so; a wrong one throws "not yet" with the hint,
 * so the cell fails (nbgrader and `t3kit class grade` score a failing test cell 0).
 */
import { findExercise } from "../exercises/exercise-catalogue";
import { answersMatch } from "./answers-match";

export class NotYetError extends Error {
  constructor(
    readonly exercise: string,
    readonly hint: string,
  ) {
    super(`${exercise}: not yet. Hint: ${hint}`);
    this.name = "NotYetError";
  }
}

/** Checks `answer` (a value, or a promise of one) against the exercise's derived answer. */
export async function check(id: string, answer: unknown): Promise<string> {
  const exercise = findExercise(id);
  const [given, expected] = await Promise.all([answer, exercise.expected()]);
  if (!answersMatch(given, expected, exercise.tolerance)) throw new NotYetError(id, exercise.hint);
  return `${id}: right (${exercise.points} point${exercise.points === 1 ? "" : "s"})`;
}
