/**
 * The score of an executed notebook: each graded test cell earns its points when it ran
 * without an error output, 0 otherwise (what nbgrader's autograder does). Pure.
 */
import type { Notebook } from "../../notebooks/index";
import { type GradedCell, exerciseIdOf, isGradedTest } from "./graded-cell";

export interface ExerciseScore {
  id: string;
  points: number;
  score: number;
}

export interface NotebookScore {
  notebook: string;
  score: number;
  points: number;
  exercises: ExerciseScore[];
}

// tslab leaves execution_count null, so only an error output marks a failed cell (as in
// nbgrader's autograder).
const failed = (cell: GradedCell): boolean =>
  (cell.outputs ?? []).some((o) => o.output_type === "error");

export function scoreNotebook(notebook: string, executed: Notebook): NotebookScore {
  const exercises = (executed.cells as GradedCell[]).filter(isGradedTest).map((cell) => {
    const points = cell.metadata!.nbgrader!.points!;
    return { id: exerciseIdOf(cell), points, score: failed(cell) ? 0 : points };
  });
  const sum = (pick: (e: ExerciseScore) => number) => exercises.reduce((s, e) => s + pick(e), 0);
  return { notebook, score: sum((e) => e.score), points: sum((e) => e.points), exercises };
}
