// Defect 9: a cell that runs past --timeout is named (cell number and source) with the
// timeout, not reported as "an unknown cell". nbclient itself writes the message (the
// oracle): its CellTimeoutError as nbconvert prints it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { NotebookError, failingCellIndex, timedOutAfter } from "../../lib/notebooks/index";
import type { Notebook } from "../../lib/notebooks/index";

const CELLS = ['console.log("first");', "const end = Date.now() + 1e9;\nwhile (Date.now() < end) {}", "console.log(3);"];

function nbclientTimeoutMessage(source: string, seconds: number): string {
  return execFileSync(
    "/usr/bin/python3",
    [
      "-c",
      "import sys\nfrom nbclient.exceptions import CellTimeoutError\nfrom nbformat.v4 import new_code_cell\nprint(str(CellTimeoutError.error_from_timeout_and_cell('Cell execution timed out', int(sys.argv[2]), new_code_cell(sys.argv[1]))))",
      source,
      String(seconds),
    ],
    { encoding: "utf8" },
  );
}

test("a timed-out cell is found in the notebook, with its timeout", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# title" },
      ...CELLS.map((source) => ({ cell_type: "code", source })),
    ],
  } as unknown as Notebook;
  const stderr = `[NbConvertApp] Converting notebook x.ipynb to notebook\nTraceback (most recent call last):\n  File "/usr/bin/jupyter-nbconvert", line 33\nnbclient.exceptions.CellTimeoutError: ${nbclientTimeoutMessage(CELLS[1], 7)}`;
  assert.equal(failingCellIndex(nb, stderr), 2);
  assert.equal(timedOutAfter(stderr), 7);
  const err = new NotebookError("x", 2, CELLS[1], "timed out after 7 s (--timeout)");
  assert.match(err.message, /failed in code cell 2/);
});
