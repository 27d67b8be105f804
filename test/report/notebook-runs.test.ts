import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  notebookRunOf,
  notebookRunsPath,
  readNotebookRuns,
  recordNotebookRun,
} from "../../lib/notebooks/index";

const fresh = () => mkdtempSync(join(tmpdir(), "t3kit-runs-"));

test("recordNotebookRun keeps the other notebooks' runs, sorted, one decimal", async () => {
  const out = fresh();
  assert.deepEqual(await readNotebookRuns(out), { tool: "t3kit notebooks", runs: {} });
  await recordNotebookRun(out, "06-results", { seconds: 12.345, source: "embedded" });
  await recordNotebookRun(out, "02-t3-synthesis", { seconds: 30.04, source: "hub" });
  await recordNotebookRun(out, '07-"évaluation" 🎉', { seconds: 0, source: "embedded" });
  await recordNotebookRun(out, "06-results", { seconds: 9.96, source: "embedded" });
  const text = readFileSync(notebookRunsPath(out), "utf8");
  // Read back with JSON.parse alone: the file is plain JSON in a stable order.
  const parsed = JSON.parse(text);
  assert.deepEqual(Object.keys(parsed.runs), [
    "02-t3-synthesis",
    "06-results",
    '07-"évaluation" 🎉',
  ]);
  assert.deepEqual(parsed.runs["06-results"], { seconds: 10, source: "embedded" });
  assert.deepEqual(parsed.runs["02-t3-synthesis"], { seconds: 30, source: "hub" });
  assert.deepEqual(readdirSync(join(out, "notebooks")), ["runs.json"], "no temp file left");
});

test("a damaged runs.json is an error naming the file and the field, and is not overwritten", async () => {
  const cases: Array<[string, RegExp]> = [
    ["", /runs\.json: not valid JSON/],
    ["[]", /runs\.json: expected a JSON object/],
    ['{"runs": 3}', /runs\.json, field runs: expected an object/],
    ['{"runs": {"02-x": {"seconds": -1, "source": "hub"}}}', /field runs\["02-x"\]\.seconds/],
    ['{"runs": {"02-x": {"seconds": "3", "source": "hub"}}}', /field runs\["02-x"\]\.seconds/],
    [
      '{"runs": {"02-\\u0000x": {"seconds": 1, "source": "HUB"}}}',
      /field runs\["02-\\u0000x"\]\.source/,
    ],
    ['{"runs": {"02-x": null}}', /field runs\["02-x"\]: expected an object/],
  ];
  for (const [text, message] of cases) {
    const out = fresh();
    mkdirSync(join(out, "notebooks"));
    writeFileSync(notebookRunsPath(out), text);
    await assert.rejects(
      readNotebookRuns(out),
      (e) => e instanceof InputError && message.test(e.message),
    );
    await assert.rejects(recordNotebookRun(out, "02-x", { seconds: 1, source: "hub" }), InputError);
    assert.equal(readFileSync(notebookRunsPath(out), "utf8"), text);
  }
});

test("notebook names that are Object.prototype's keys stay plain entries", async () => {
  const out = fresh();
  await recordNotebookRun(out, "__proto__", { seconds: 1, source: "embedded" });
  await recordNotebookRun(out, "constructor", { seconds: 2, source: "hub" });
  const runs = await readNotebookRuns(out);
  assert.deepEqual(Object.keys(runs.runs), ["__proto__", "constructor"]);
  assert.deepEqual(notebookRunOf(runs, "__proto__"), { seconds: 1, source: "embedded" });
  assert.equal(notebookRunOf(runs, "toString"), undefined);
  assert.equal(notebookRunOf(await readNotebookRuns(fresh()), "constructor"), undefined);
});
