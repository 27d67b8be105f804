// Release and grade: the students' copies keep every cell but the solution regions (a stub
// that throws) and lose every output; on real Jupyter the teacher's notebook scores full
// points, the released copy 0, and each stub fails only its own exercise.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Notebook } from "../../lib/notebooks/index";
import {
  type GradedCell,
  SOLUTION_STUB,
  gradeNotebooks,
  releaseNotebook,
  releaseNotebooks,
  scoreNotebook,
  stubSolutions,
} from "../../lib/teaching/index";

const ROOT = join(__dirname, "..", "..");
const RESULTS = join(ROOT, "notebooks", "06-results.ipynb");
const read = (p: string) => JSON.parse(readFileSync(p, "utf8")) as Notebook;
const text = (c: GradedCell) => (Array.isArray(c.source) ? c.source.join("") : c.source);

test("a solution region becomes one stub line at its indentation; the rest stays", () => {
  const lines = [
    "function f() {",
    "  // BEGIN SOLUTION",
    "  return 42; // 😀 「答え」",
    "  // END SOLUTION",
    "}",
    "after();",
  ];
  assert.deepEqual(stubSolutions(lines, SOLUTION_STUB), [
    "function f() {",
    `  ${SOLUTION_STUB}`,
    "}",
    "after();",
  ]);
});

test("release: solution cells stubbed, outputs cleared, every other cell's source unchanged", () => {
  const teacher = read(RESULTS);
  teacher.cells[1] = {
    ...teacher.cells[1],
    outputs: [{ output_type: "stream", name: "stdout", text: "x" }],
  };
  const student = releaseNotebook(teacher);
  assert.equal(student.cells.length, teacher.cells.length);
  for (const [i, cell] of (student.cells as GradedCell[]).entries()) {
    const before = teacher.cells[i] as GradedCell;
    if (cell.cell_type === "code") assert.deepEqual(cell.outputs, []);
    if (before.metadata?.nbgrader?.solution) {
      assert.doesNotMatch(text(cell), /SOLUTION|return/);
      assert.match(text(cell), /throw new Error\("not answered yet"\)/);
    } else assert.equal(text(cell), text(before));
  }
  assert.deepEqual(student.metadata, teacher.metadata);
});

/** A cell's execute_result as tslab writes one. */
const result = (text: string) =>
  ({ output_type: "execute_result", data: { "text/plain": text } }) as unknown as NonNullable<
    GradedCell["outputs"]
  >[number];

test("score: a graded cell scores only when its check said right; an error or silence scores 0", () => {
  const nb = releaseNotebook(read(RESULTS));
  const graded = (nb.cells as GradedCell[]).filter((c) => c.metadata?.nbgrader?.grade);
  // As tslab writes them: a thrown error as a stderr stream, the check's line as a result.
  graded[0].outputs = [{ output_type: "stream", name: "stderr", text: ["Error: not yet\n"] }];
  graded[1].outputs = [result("'06.2: right (2 points)'")];
  const s = scoreNotebook("06-results", nb);
  assert.deepEqual(
    s.exercises.map((e) => e.score),
    [0, 2],
  );
  assert.equal(s.score, 2);
  assert.equal(s.points, 3);
  graded[1].outputs = [];
  assert.equal(scoreNotebook("06-results", nb).score, 0, "a silent cell is not a right answer");
  graded[1].outputs = [result("'06.1: right (1 point)'")];
  assert.equal(scoreNotebook("06-results", nb).score, 0, "another exercise's word does not count");
});

test("on real Jupyter: the teacher's copy scores full points, the released one 0, one stub fails one exercise", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-class-"));
  try {
    const [released] = await releaseNotebooks([RESULTS], dir);
    // One answer filled back in: only the other exercise fails.
    const half = read(released.path);
    const teacher = read(RESULTS) as { cells: GradedCell[] };
    const i = teacher.cells.findIndex((c) => c.metadata?.nbgrader?.grade_id === "ex06_1_answer");
    half.cells[i] = teacher.cells[i];
    const halfPath = join(dir, "half", "06-results.ipynb");
    execFileSync("mkdir", ["-p", join(dir, "half")]);
    require("node:fs").writeFileSync(halfPath, JSON.stringify(half));
    const scores = await gradeNotebooks([RESULTS, released.path, halfPath]);
    assert.deepEqual(
      scores.map((s) => [
        s.score,
        s.points,
        s.exercises.map((e) => `${e.id}:${e.score}`).join(" "),
      ]),
      [
        [3, 3, "06.1:1 06.2:2"],
        [0, 3, "06.1:0 06.2:0"],
        [1, 3, "06.1:1 06.2:0"],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
