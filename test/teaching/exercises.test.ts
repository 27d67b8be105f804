// Every lesson's exercises: the teacher's solution (the code in the notebook's solution cell,
// run here on the kit) passes t3.check, and a wrong answer derived from it fails.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import * as t3 from "../../lib/index";
import {
  EXERCISES,
  NotYetError,
  check,
  exerciseIdOf,
  isGradedTest,
} from "../../lib/teaching/index";
import type { GradedCell } from "../../lib/teaching/index";

const NOTEBOOKS = join(__dirname, "..", "..", "notebooks");
const lessons = readdirSync(NOTEBOOKS).filter((n) => /^0[1-7]-.*\.ipynb$/.test(n));
const cellsOf = (name: string) =>
  (JSON.parse(readFileSync(join(NOTEBOOKS, name), "utf8")) as { cells: GradedCell[] }).cells;
const text = (c: GradedCell) => (Array.isArray(c.source) ? c.source.join("") : c.source);

/** A wrong answer of the same type, derived from the right one. */
function wrongOf(answer: unknown): unknown {
  if (typeof answer === "number") return answer + 1;
  if (typeof answer === "string") return `${answer} not`;
  if (Array.isArray(answer)) return [...answer.slice(1), answer[0]].map(wrongOf);
  return { not: answer };
}

test("every lesson 01-07 has an opening, a closing, a try-it cell and at least two graded exercises", () => {
  assert.equal(lessons.length, 7);
  for (const name of lessons) {
    const cells = cellsOf(name);
    const lesson = t3.readLesson(join(NOTEBOOKS, name));
    assert.ok(
      lesson && lesson.minutes > 0 && lesson.goals.length > 0 && lesson.question !== "",
      name,
    );
    assert.ok(
      cells.some((c) => (c.metadata as { t3kit?: { frame?: string } })?.t3kit?.frame === "opening"),
      name,
    );
    assert.ok(
      cells.some((c) => (c.metadata as { t3kit?: { frame?: string } })?.t3kit?.frame === "closing"),
      name,
    );
    assert.ok(
      cells.some((c) => c.metadata?.t3kit?.tryIt === true),
      name,
    );
    const graded = cells.filter(isGradedTest);
    assert.ok(graded.length >= 2, `${name}: ${graded.length} graded cells`);
    for (const g of graded)
      assert.match(text(g), new RegExp(`t3\\.check\\("${exerciseIdOf(g).replace(".", "\\.")}"`));
    const solutions = cells.filter((c) => c.metadata?.nbgrader?.solution === true);
    assert.ok(solutions.length >= 2, name);
    for (const s of solutions) {
      assert.match(text(s), /BEGIN SOLUTION[\s\S]*END SOLUTION/, name);
      assert.equal(s.metadata?.nbgrader?.locked, false);
    }
    for (const g of graded) assert.equal(g.metadata?.nbgrader?.locked, true);
  }
});

test("every exercise in the notebooks is in the catalogue, with the same points", () => {
  const inNotebooks = lessons.flatMap((n) => cellsOf(n).filter(isGradedTest));
  assert.deepEqual(inNotebooks.map(exerciseIdOf).sort(), EXERCISES.map((e) => e.id).sort());
  for (const cell of inNotebooks) {
    assert.equal(
      cell.metadata?.nbgrader?.points,
      EXERCISES.find((e) => e.id === exerciseIdOf(cell))!.points,
    );
  }
});

// The solutions that need no notebook variable, run as the notebook runs them (t3 in scope).
const standalone = lessons
  .flatMap((n) => cellsOf(n).filter((c) => c.metadata?.nbgrader?.solution === true))
  .map(text)
  .filter((src) => !/\b(items|order|longva|claims|differences|correlation)\b[.[]/.test(src));

for (const source of standalone) {
  const id = source
    .match(/exercise_(\d\d)_(\d)/)!
    .slice(1)
    .join(".");
  test(`exercise ${id}: the notebook's solution passes its check, a derived wrong answer fails`, async () => {
    const js = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2020 },
    }).outputText;
    const solve = new Function("t3", `${js}\nreturn exercise_${id.replace(".", "_")}();`);
    const answer = solve(t3);
    assert.match(await check(id, answer), new RegExp(`^${id.replace(".", "\\.")}: right`));
    await assert.rejects(
      check(id, wrongOf(answer)),
      (e) => e instanceof NotYetError && e.message.includes("not yet"),
    );
  });
}

test("exercises whose solutions read notebook variables: the kit's values pass, derived wrong ones fail", async () => {
  const order = new t3.PythonRandom(1234).shuffled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const longva = await t3.countRecordTokens(t3.EXAMPLE_RECORD, { template: "longva" });
  const plan = t3.planTraining(t3.presetSpec("longva-7b-t3"));
  const claims = t3.checkClaims(t3.loadPaperTables());
  const runs = await t3.ingestRuns((await t3.evaluationInputs()).runs);
  const differences = t3.differencesToBaseline(runs, "example LongVA-7B", {
    iterations: 1000,
    seed: 0,
  });
  const correlation = t3.paperPointsCorrelation();
  const answers: Record<string, unknown> = {
    "03.1": order[0],
    "04.1": longva.template,
    "04.2": (100 * longva.visual) / longva.total,
    "05.2": plan.batch.global / (plan.batch.perDevice * 2 * plan.batch.nodes),
    "05.1": [1, 2, 3, 4, 5, 6, 7, 8].find(
      (g) => plan.batch.global % (plan.batch.perDevice * g) !== 0,
    ),
    "06.1": claims.filter((c) => c.holds).length,
    "07.1": differences.find((d) => d.benchmark === "tempcompass" && d.dimension === "avg")!
      .difference,
    "07.2": Object.entries(correlation.results).find(([, r]) => r.p >= 0.05)![0],
  };
  for (const [id, answer] of Object.entries(answers)) {
    assert.match(await check(id, answer), /right/, id);
    await assert.rejects(check(id, wrongOf(answer)), NotYetError, id);
  }
});

test("an unknown exercise id is refused in one line naming the ids there are", async () => {
  await assert.rejects(check("99.1", 1), /no exercise "99\.1" \(have: 01\.1/);
});
