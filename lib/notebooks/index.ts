export { listNotebooks } from "./list-notebooks";
export {
  executeNotebook,
  NotebookError,
  JUPYTER_PYTHON,
  type ExecuteOptions,
  type ExecuteResult,
  HTML_TEMPLATE,
  HTML_TEMPLATE_DIR,
} from "./execute-notebook";
export {
  readNotebookRuns,
  recordNotebookRun,
  notebookRunOf,
  parseNotebookRuns,
  notebookRunsPath,
  type NotebookRun,
  type NotebookRuns,
  type NotebookDataSource,
} from "./notebook-runs";
export {
  failingCellIndex,
  timedOutAfter,
  cellStderr,
  cellSource,
  codeCellNumber,
  type Notebook,
  type NotebookCell,
} from "./notebook-failure";
export { removeDeadStaging } from "./remove-dead-staging";
export { readLesson, lessonOf, type Lesson } from "./read-lesson";
