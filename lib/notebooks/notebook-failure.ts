/**
 * Finding which cell failed. nbconvert, on a cell error, prints the failing cell's source
 * but loses tslab's message (tslab writes it to the cell's stderr); the executed copy made
 * with --allow-errors keeps that stderr.
 */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  outputs?: Array<{ output_type: string; name?: string; text?: string | string[] }>;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export const cellSource = (cell: NotebookCell): string =>
  Array.isArray(cell.source) ? cell.source.join("") : cell.source;

/** The index of the cell whose source nbconvert printed in its error report, or -1. */
export function failingCellIndex(nb: Notebook, nbconvertStderr: string): number {
  // nbclient's CellExecutionError, or its CellTimeoutError ("a preview of the cell
  // contents" between lines of 19 dashes: the whole source when under 11 lines).
  const m =
    nbconvertStderr.match(
      /An error occurred while executing the following cell:\n-{18}\n([\s\S]*?)\n-{18}\n/,
    ) ?? nbconvertStderr.match(/preview of the cell contents:\n-{19}\n([\s\S]*?)\n-{19}\n/);
  if (!m) return -1;
  const src = m[1].trim();
  return nb.cells.findIndex((c) => c.cell_type === "code" && cellSource(c).trim() === src);
}

/** The seconds after which nbclient stopped a cell (CellTimeoutError), or null. */
export function timedOutAfter(nbconvertStderr: string): number | null {
  const m = /A cell timed out while it was being executed, after (\d+) seconds/.exec(
    nbconvertStderr,
  );
  return m ? Number(m[1]) : null;
}

/** The stderr text a cell printed, joined. */
export function cellStderr(cell: NotebookCell | undefined): string {
  if (!cell?.outputs) return "";
  return cell.outputs
    .filter((o) => o.output_type === "stream" && o.name === "stderr")
    .map((o) => (Array.isArray(o.text) ? o.text.join("") : (o.text ?? "")))
    .join("");
}

/** The number a reader sees: code cells counted from 1, as "cell N" in messages. */
export function codeCellNumber(nb: Notebook, index: number): number {
  return nb.cells.slice(0, index + 1).filter((c) => c.cell_type === "code").length;
}
