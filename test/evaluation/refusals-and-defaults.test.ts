// Issue #21 for the evaluation stage: refusals a user can hit (out-of-range scores, one run
// dimension with two values, broken files) and the defaults a planted bug would change
// (TempCompass task from the file, the CSV's metric name, the bootstrap's seed and count).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { type PairedOutcome, ingestResults, pairedBootstrap } from "../../lib/evaluation/index";
import { PythonRandom } from "../../lib/pyrandom/index";
import { debianPythonJson } from "../oracle/debian-python";
import { resultsJson, tempDir, writeFiles } from "./result-fixtures";

async function refused(p: Promise<unknown>, file: string, pattern: RegExp): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${err}`);
    assert.equal(err.location.file, file, err.message);
    assert.match(err.message, pattern);
    return err;
  }
  return assert.fail("expected a rejection");
}

test("scores outside 0-100 are refused naming the file and field: CSV cells and lmms-eval metrics", async () => {
  for (const bad of ["1e300", "-5", "100.0001"]) {
    const [csv] = writeFiles("range", {
      "s.csv": `benchmark,dimension,value\nmlvu,ar,50\nmlvu,tr,${bad}\n`,
    });
    const err = await refused(
      ingestResults([csv], "r"),
      csv,
      new RegExp(`expected a percent score \\(0-100\\), got ${bad.replace(".", "\\.")}`),
    );
    assert.equal(err.location.field, "value");
    assert.equal(err.location.record, 3);
  }
  const [edge] = writeFiles("edge", {
    "s.csv": "benchmark,dimension,value\nmlvu,ar,0\nmlvu,tr,100\n",
  });
  assert.deepEqual(
    (await ingestResults([edge], "e")).rows.map((r) => r.value),
    [0, 100],
  );
  for (const bad of [1e300, -5]) {
    const [res] = writeFiles("range-lmms", {
      "20241002_120000_results.json": resultsJson({
        mlvu: { "mlvu_percetion_score,none": bad, samples: 5 },
      }),
    });
    const err = await refused(ingestResults([res], "r"), res, /expected a percent score \(0-100\)/);
    assert.equal(err.location.field, 'results.mlvu["mlvu_percetion_score,none"]');
  }
});

test("one run with two different values for a benchmark dimension is refused at ingest, naming both files and values", async () => {
  const [tc, csv] = writeFiles("two-values", {
    "lmms/20241002_120000_results.json": resultsJson({
      videomme: { "videomme_perception_score,none": 55.0, samples: 2700 },
    }),
    "sheet.csv": "benchmark,dimension,value\nVideo-MME,overall,54.9\n",
  });
  const err = await refused(
    ingestResults([tc, csv], "r"),
    `${tc} and ${csv}`,
    /2 different values: 55 \(.*results\.json\), 54\.9 \(.*sheet\.csv\)/,
  );
  assert.equal(err.location.field, "videomme.overall");
  const [same] = writeFiles("same-value", {
    "sheet.csv": "benchmark,dimension,value\nVideo-MME,overall,55\n",
  });
  assert.equal((await ingestResults([tc, same], "r")).rows.length, 2);
});

test("a truncated results file and one with bytes that are not UTF-8 are reported as such", async () => {
  const text = resultsJson({ videomme: { "videomme_perception_score,none": 55.0, samples: 2700 } });
  const dir = tempDir("broken");
  for (const cut of [text.length - 1, Math.floor(text.length / 2), 40]) {
    const f = join(dir, `cut${cut}_results.json`);
    writeFileSync(f, text.slice(0, cut));
    await refused(
      ingestResults([f], "r"),
      f,
      /^.*: truncated: the JSON ends inside an unclosed string, object or array/,
    );
  }
  const bytes = Buffer.from(text, "utf8");
  const at = bytes.indexOf("videomme");
  const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]);
  const f = join(dir, "latin_results.json");
  writeFileSync(f, bad);
  await refused(
    ingestResults([f], "r"),
    f,
    new RegExp(`not valid UTF-8 \\(first bad byte at offset ${at}\\)`),
  );
  // A file that spells U+FFFD itself is valid UTF-8 and read.
  const [ok] = writeFiles("fffd", { "s.csv": "benchmark,dimension,value\nmlvu,\uFFFDar,50\n" });
  assert.equal((await ingestResults([ok], "r")).rows[0].value, 50);
});

const tempCompassFile = (answers: string[]): string =>
  JSON.stringify({
    "1001": {
      action: answers.map((a, i) => ({
        question: `Q${i}?`,
        "gt-answer": a,
        "video-llm-prediction": a,
        match_success: true,
        rating: i % 2,
      })),
    },
  });

test("TempCompass's own files: yes_no.json is the yes/no task, never the paper's multi-choice; a renamed file is yes/no only when every answer is yes or no", async () => {
  const [yesNo, mc, renamedAll, renamedSome] = writeFiles("tc-task", {
    "auto_eval_results/LongVA/yes_no.json": tempCompassFile(["yes", "no", "yes", "no"]),
    "auto_eval_results/LongVA/multi-choice.json": tempCompassFile(["A. up", "B. down"]),
    "renamed/LongVA/mine.json": tempCompassFile(["yes", "no"]),
    "renamed/LongVA/other.json": tempCompassFile(["yes", "A. up", "no"]),
  });
  const benchmarks = async (f: string) => [
    ...new Set((await ingestResults([f], "r")).rows.map((r) => r.benchmark)),
  ];
  assert.deepEqual(await benchmarks(yesNo), ["tempcompass_yes_no"]);
  assert.deepEqual(await benchmarks(mc), ["tempcompass"]);
  assert.deepEqual(await benchmarks(renamedAll), ["tempcompass_yes_no"]);
  await refused(
    ingestResults([renamedSome], "r"),
    renamedSome,
    /cannot tell which TempCompass task this is/,
  );
});

test('a CSV without a metric column gives the metric name "accuracy"', async () => {
  const [csv] = writeFiles("metric", { "s.csv": "benchmark,dimension,value,n\nmlvu,ar,50,10\n" });
  const [r] = (await ingestResults([csv], "r")).rows;
  assert.equal(r.metric, "accuracy");
  assert.equal(r.evaluator, "csv");
});

test("the paired bootstrap's defaults are seed 0 and 1000 resamples at 95%: the interval CPython and numpy give with those", () => {
  const rng = new PythonRandom(5);
  // Strata of unlike sizes put the resampled differences on a fine grid, so the interval's
  // interpolated ends move when the resample count does.
  const strata: PairedOutcome[][] = [37, 41, 43, 29].map((n) =>
    Array.from({ length: n }, () => ({
      run: rng.random() < 0.6 ? 1 : 0,
      baseline: rng.random() < 0.45 ? 1 : 0,
    })),
  );
  const py = debianPythonJson<[number, number]>(
    `
import json, sys, random, numpy
strata = json.load(sys.stdin)
rng = random.Random(0)
diffs = []
for _ in range(1000):
    total = 0.0
    for s in strata:
        acc = 0
        for _ in range(len(s)):
            a, b = s[rng.randrange(len(s))]
            acc += a - b
        total += 100 * acc / len(s)
    diffs.append(total / len(strata))
print(json.dumps(list(numpy.percentile(diffs, [2.5, 97.5]))))
`,
    JSON.stringify(strata.map((s) => s.map((p) => [p.run, p.baseline]))),
  );
  const mine = pairedBootstrap(strata);
  assert.ok(
    Math.abs(mine.low - py[0]) < 1e-9 && Math.abs(mine.high - py[1]) < 1e-9,
    `${JSON.stringify(mine)} vs ${py}`,
  );
  assert.deepEqual(pairedBootstrap(strata, { seed: 0, iterations: 1000, level: 0.95 }), mine);
});
