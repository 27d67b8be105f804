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

/**
 * A graded cell scores when its check said so: t3.check's "<id>: right" in the cell's
 * output. tslab reports a thrown error as a stderr stream (not an error output) and leaves
 * execution_count null, and a cell after a failure may print nothing: only the check's own
 * word is evidence of a right answer.
 */
function passed(cell: GradedCell, id: string): boolean {
  const texts = (cell.outputs ?? []).flatMap((o) => {
    const out = o as {
      output_type?: string;
      text?: string | string[];
      data?: Record<string, unknown>;
    };
    if (out.output_type === "error") return ["\u0000error"];
    const plain = out.data?.["text/plain"] ?? out.text ?? "";
    return [Array.isArray(plain) ? plain.join("") : String(plain)];
  });
  return !texts.includes("\u0000error") && texts.some((t) => t.includes(`${id}: right`));
}

export function scoreNotebook(notebook: string, executed: Notebook): NotebookScore {
  const exercises = (executed.cells as GradedCell[]).filter(isGradedTest).map((cell) => {
    const points = cell.metadata!.nbgrader!.points!;
    const id = exerciseIdOf(cell);
    return { id, points, score: passed(cell, id) ? points : 0 };
  });
  const sum = (pick: (e: ExerciseScore) => number) => exercises.reduce((s, e) => s + pick(e), 0);
  return { notebook, score: sum((e) => e.score), points: sum((e) => e.points), exercises };
}
