/** Runs a notebook through the real Jupyter kernel into a temp out folder, for tests. */
import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellStderr, executeNotebook, type Notebook, type NotebookCell } from "../../lib/notebooks/index";
import { projectRoot } from "../../lib/paths/index";

export interface ExecutedNotebook {
  nb: Notebook;
  outRoot: string;
  seconds: number;
}

/** Executes notebooks/<name>.ipynb with T3KIT_OUT pointing at a fresh temp folder. */
export async function executeForTest(name: string, env: Record<string, string> = {}): Promise<ExecutedNotebook> {
  const outRoot = mkdtempSync(join(tmpdir(), `t3kit-nb-${name}-`));
  const r = await executeNotebook(join(projectRoot, "notebooks", `${name}.ipynb`), {
    outRoot,
    env: { T3KIT_OUT: outRoot, ...env },
  });
  const nb = JSON.parse(await readFile(r.executedPath, "utf8")) as Notebook;
  return { nb, outRoot, seconds: r.seconds };
}

/** All text a cell produced (streams and text/html / text/plain data), joined. */
export function cellOutputText(cell: NotebookCell): string {
  const outs = (cell.outputs ?? []) as Array<Record<string, unknown>>;
  return outs
    .map((o) => {
      if (o.output_type === "stream") return ([] as string[]).concat(o.text as string).join("");
      const data = (o.data ?? {}) as Record<string, string | string[]>;
      const v = data["text/html"] ?? data["text/plain"] ?? "";
      return Array.isArray(v) ? v.join("") : v;
    })
    .join("\n");
}

/** The code cells, in order. */
export const codeCells = (nb: Notebook): NotebookCell[] => nb.cells.filter((c) => c.cell_type === "code");

/**
 * The code cells, after checking that each one printed or displayed something and wrote
 * nothing to stderr (tslab reports errors there, not as error outputs).
 */
export function cleanCodeCells(nb: Notebook, assertOk: (ok: boolean, msg: string) => void): NotebookCell[] {
  const cells = codeCells(nb);
  cells.forEach((cell, i) => {
    // An exercise's answer cell only defines its function: silent by design.
    if (!lessonMark(cell).solution)
      assertOk((cell.outputs ?? []).length > 0, `code cell ${i + 1} produced no output`);
    const stderr = cellStderr(cell);
    assertOk(stderr === "", `code cell ${i + 1} wrote to stderr: ${stderr.slice(0, 500)}`);
  });
  // The lesson's own cells (try-it, exercises) are checked by the teaching tests; the stage's
  // cells keep their places for the assertions that follow.
  return cells.filter((c) => !lessonMark(c).lesson);
}

function lessonMark(cell: NotebookCell): { solution: boolean; lesson: boolean } {
  const md = (cell as { metadata?: { nbgrader?: { solution?: boolean }; t3kit?: { tryIt?: boolean } } })
    .metadata;
  return {
    solution: md?.nbgrader?.solution === true,
    lesson: md?.nbgrader !== undefined || md?.t3kit?.tryIt === true,
  };
}
