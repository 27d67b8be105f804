/**
 * A notebook's lesson frame, from its metadata (`t3kit.lesson`: title, question, goals,
 * minutes) and its graded cells (nbgrader's grade_id and points), for the syllabus.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Notebook, NotebookCell } from "./notebook-failure";

export interface Lesson {
  notebook: string;
  title: string;
  question: string;
  goals: string[];
  minutes: number;
  exercises: Array<{ id: string; points: number }>;
}

type MarkedCell = NotebookCell & {
  metadata?: {
    nbgrader?: { grade?: boolean; points?: number; grade_id?: string };
    t3kit?: { exercise?: string };
  };
};

export function lessonOf(notebook: string, nb: Notebook): Lesson | undefined {
  const frame = (nb.metadata?.t3kit as { lesson?: Partial<Lesson> } | undefined)?.lesson;
  if (!frame) return undefined;
  const exercises = (nb.cells as MarkedCell[])
    .filter((c) => c.metadata?.nbgrader?.grade === true && (c.metadata.nbgrader.points ?? 0) > 0)
    .map((c) => ({
      id: c.metadata!.t3kit?.exercise ?? c.metadata!.nbgrader!.grade_id ?? "",
      points: c.metadata!.nbgrader!.points!,
    }));
  return {
    notebook,
    title: frame.title ?? notebook,
    question: frame.question ?? "",
    goals: frame.goals ?? [],
    minutes: frame.minutes ?? 0,
    exercises,
  };
}

/** The lesson of the notebook file at `path`, or undefined when it has no frame. */
export function readLesson(path: string): Lesson | undefined {
  return lessonOf(basename(path, ".ipynb"), JSON.parse(readFileSync(path, "utf8")) as Notebook);
}
