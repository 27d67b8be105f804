/**
 * A teacher's notebook as a student's copy, by nbgrader's conventions: in every solution
 * cell (metadata nbgrader.solution) the lines from `BEGIN SOLUTION` to `END SOLUTION` become
 * a stub that throws "not answered yet"; every output and execution count is cleared. Pure.
 */
import type { Notebook } from "../../notebooks/index";
import type { GradedCell } from "../grade/graded-cell";

export const SOLUTION_STUB = 'throw new Error("not answered yet");';
export const MARKDOWN_STUB = "YOUR ANSWER HERE";

const sourceLines = (cell: GradedCell): string[] =>
  (Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "")).split("\n");

/** The lines with each BEGIN/END SOLUTION region replaced by `stub` (same indentation). */
export function stubSolutions(lines: string[], stub: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (!inside && line.includes("BEGIN SOLUTION")) {
      inside = true;
      out.push(`${line.match(/^\s*/)![0]}${stub}`);
    } else if (inside) {
      if (line.includes("END SOLUTION")) inside = false;
    } else out.push(line);
  }
  return out;
}

const asSource = (lines: string[]): string[] =>
  lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== "");

function releaseCell(cell: GradedCell): GradedCell {
  const released: GradedCell = { ...cell };
  if (cell.metadata?.nbgrader?.solution) {
    const stub = cell.cell_type === "code" ? SOLUTION_STUB : MARKDOWN_STUB;
    released.source = asSource(stubSolutions(sourceLines(cell), stub));
  }
  if (cell.cell_type === "code") {
    released.outputs = [];
    released.execution_count = null;
  }
  return released;
}

export function releaseNotebook(nb: Notebook): Notebook {
  return { ...nb, cells: (nb.cells as GradedCell[]).map(releaseCell) };
}
