export { listNotebooks } from "./list-notebooks";
export {
  executeNotebook,
  NotebookError,
  JUPYTER_PYTHON,
  type ExecuteOptions,
  type ExecuteResult,
} from "./execute-notebook";
export {
  failingCellIndex,
  timedOutAfter,
  cellStderr,
  cellSource,
  codeCellNumber,
  type Notebook,
  type NotebookCell,
} from "./notebook-failure";
