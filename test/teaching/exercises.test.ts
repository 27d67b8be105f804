// Every lesson's exercises: the teacher's solution (the code in the notebook's solution cell,
// run here on the kit) passes t3.check, and a wrong answer derived from it fails.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import * as t3 from "../../lib/index";
import {
  EXERCISES,
  NotYetError,
  check,
  exerciseIdOf,
  findExercise,
  isGradedTest,
} from "../../lib/teaching/index";
import type { GradedCell } from "../../lib/teaching/index";

const NOTEBOOKS = join(__dirname, "..", "..", "notebooks");
const lessons = readdirSync(NOTEBOOKS).filter((n) => /^0[1-8]-.*\.ipynb$/.test(n));
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

test("every lesson 01-08 has an opening, a closing, a try-it cell and at least two graded exercises", () => {
  assert.equal(lessons.length, 8);
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
  .filter(
    (src) =>
      !/\b(items|order|longva|claims|differences|correlation|planted|inspection)\b[.[]/.test(src),
  );

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

/** Notebook 08's variables, made as its cells make them, in a temporary folder. */
async function mixAnalysisVariables(dir: string) {
  const planted = await t3.writePlantedMix(join(dir, "planted"));
  const paths = t3.mixAnalysisPaths();
  const reference = await t3.runReferenceRecipe({
    llava: paths.llava,
    t3Dir: paths.t3Dir,
    outDir: join(dir, "reference"),
  });
  const allT3 = reference.reduce((a, b) => (b.composition.length > a.composition.length ? b : a));
  const llavaFile = reference.find((o) => o.composition.length === 1)!.file;
  const inspection = await t3.inspectMix([llavaFile, allT3.file]);
  return { planted, inspection };
}

test("exercises 08.x: the notebook's own solutions, run on its variables, pass; derived wrong answers fail", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-ex08-"));
  try {
    const { planted, inspection } = await mixAnalysisVariables(dir);
    const solutions = cellsOf("08-mix-analysis.ipynb")
      .filter((c) => c.metadata?.nbgrader?.solution === true)
      .map(text);
    assert.equal(solutions.length, 3);
    for (const source of solutions) {
      const n = source.match(/exercise_08_(\d)/)![1];
      const js = ts.transpileModule(source, {
        compilerOptions: { target: ts.ScriptTarget.ES2020 },
      }).outputText;
      const solve = new Function(
        "t3",
        "planted",
        "inspection",
        `${js}\nreturn exercise_08_${n}();`,
      );
      const answer = await solve(t3, planted, inspection);
      assert.match(await check(`08.${n}`, answer), new RegExp(`^08\\.${n}: right`));
      await assert.rejects(check(`08.${n}`, wrongOf(answer)), NotYetError, `08.${n}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface PlantedRecord {
  id: string;
  image?: string;
  conversations: { value: string }[];
}

/** Exact Jaccard similarity of two records' word 3-shingle sets (lowercased, punctuation dropped). */
function shingleJaccard(a: PlantedRecord, b: PlantedRecord): number {
  const shingles = (r: PlantedRecord) => {
    const w = r.conversations
      .map((t) => t.value)
      .join(" ")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((x) => x !== "");
    return new Set(w.slice(2).map((_, i) => w.slice(i, i + 3).join(" ")));
  };
  const sa = shingles(a);
  const sb = shingles(b);
  const both = [...sa].filter((s) => sb.has(s)).length;
  return both / (sa.size + sb.size - both);
}

test("the planted mix: 08.1 and 08.2 name the records a substring search and exact shingle Jaccard find", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-planted-"));
  try {
    const planted = await t3.writePlantedMix(dir);
    const records = JSON.parse(readFileSync(planted.mix, "utf8")) as PlantedRecord[];
    assert.equal(records.length, planted.records);
    assert.equal(new Set(records.map((r) => r.id)).size, records.length, "ids stay unique");
    // 16 LLaVA records and 8 T3 order items, whose templates the validation items share.
    assert.equal(records.length, 24);
    assert.equal(records.filter((r) => r.id.startsWith("tempqa-order-")).length, 8);
    // Oracle 1: the records holding a validation question word for word.
    const questions = readFileSync(planted.against, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => (JSON.parse(l) as { question: string }).question);
    const leaked = records
      .filter((r) => r.conversations.some((t) => questions.some((q) => t.value.includes(q))))
      .map((r) => r.id);
    assert.equal(leaked.length, 1);
    const kit = await t3.inspectMix([planted.mix], { against: [planted.against] });
    assert.deepEqual(
      kit.contamination.map((f) => f.id),
      leaked,
      "the T3 training items (same templates) are not flagged",
    );
    assert.equal(await findExercise("08.1").expected(), leaked[0]);
    // Oracle 2: pairs with the same media whose exact Jaccard reaches the default 0.7.
    const near: string[][] = [];
    records.forEach((a, i) => {
      for (const b of records.slice(i + 1))
        if (a.image === b.image && shingleJaccard(a, b) >= 0.7) near.push([a.id, b.id]);
    });
    assert.equal(near.length, 1);
    assert.deepEqual(await findExercise("08.2").expected(), near[0]);
    assert.deepEqual(
      kit.duplicates.map((d) => d.kind),
      ["near"],
      "no exact duplicate, one near group",
    );
    // The same seed, the same bytes.
    const again = await t3.writePlantedMix(join(dir, "again"));
    assert.equal(readFileSync(again.mix, "utf8"), readFileSync(planted.mix, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("08.3: T3 is most of the reference mix's records but about a quarter of its tokens (the closing's claim)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-ex083-"));
  try {
    const { inspection } = await mixAnalysisVariables(dir);
    const t3Rows = inspection.composition.filter((r) => r.source.startsWith("t3:"));
    assert.equal(t3Rows.length, 7, "the all-T3 file's seven tasks");
    const recordShare = t3Rows.reduce((s, r) => s + r.records, 0) / inspection.records;
    const tokenShare = (await findExercise("08.3").expected()) as number;
    assert.ok(recordShare > 0.5, `records: ${recordShare}`);
    assert.ok(tokenShare > 15 && tokenShare < 35, `tokens: ${tokenShare}%`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
