import type { NotebookCell } from "../../notebooks/index";

/** nbgrader's cell metadata (the fields t3kit reads and writes). */
export interface NbgraderMetadata {
  solution?: boolean;
  grade?: boolean;
  grade_id?: string;
  points?: number;
  locked?: boolean;
  schema_version?: number;
}

/** A notebook cell as nbgrader and t3kit's lessons mark it. */
export type GradedCell = NotebookCell & {
  metadata?: { nbgrader?: NbgraderMetadata; t3kit?: { exercise?: string; tryIt?: boolean } };
  execution_count?: number | null;
};

/** The exercise id of a graded test cell: t3kit.exercise, else its grade_id. */
export const exerciseIdOf = (cell: GradedCell): string =>
  cell.metadata?.t3kit?.exercise ?? cell.metadata?.nbgrader?.grade_id ?? "";

export const isGradedTest = (cell: GradedCell): boolean =>
  cell.metadata?.nbgrader?.grade === true && (cell.metadata.nbgrader.points ?? 0) > 0;
