import type { NotebookScore } from "./score-notebook";

/** The grades as `{"notebooks": [...]}` (the --json output). */
export const gradesJson = (scores: NotebookScore[]): string =>
  `${JSON.stringify({ notebooks: scores }, null, 2)}\n`;

/** One line per notebook, then one per exercise. */
export const gradesText = (scores: NotebookScore[]): string =>
  scores
    .map((s) =>
      [
        `${s.notebook}: ${s.score} of ${s.points} points`,
        ...s.exercises.map((e) => `  ${e.id}: ${e.score} of ${e.points}`),
      ].join("\n"),
    )
    .join("\n")
    .concat("\n");
