import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { ingestResults } from "../../lib/evaluation/index";
import { dataDir } from "../../lib/paths/index";
import { debianPythonJson } from "../oracle/debian-python";
import { resultsJson, someQuestions, videommeLine, writeFiles } from "./result-fixtures";

const EXAMPLES = join(dataDir, "evaluation", "examples");
const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)],
    );

async function rejects(p: Promise<unknown>, file: string, pattern: RegExp): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${err}`);
    assert.equal(err.location.file, file, err.message);
    assert.match(err.message, pattern);
    return err;
  }
  assert.fail("expected a rejection");
}

test("lmms-eval results: both spellings of Video-MME's metric, every numeric metric a row, provenance kept", async () => {
  const old = resultsJson({
    videomme: {
      alias: "videomme",
      "videomme_percetion_score,none": 54.3,
      "videomme_percetion_score_stderr,none": "N/A",
      samples: 2700,
    },
    mlvu: {
      alias: "mlvu",
      "mlvu_percetion_score,none": 58.1,
      "mlvu_percetion_score_stderr,none": "N/A",
      samples: 2174,
    },
  });
  const fixed = resultsJson({
    videomme: { alias: "videomme", "videomme_perception_score,none": 55.0, samples: 2700 },
    tempcompass_multi_choice: {
      "avg_accuracy,none": 61.2,
      "action_accuracy,none": 90.8,
      "direction_accuracy,none": 39.7,
      "speed_accuracy,none": 41.6,
      "order_accuracy,none": 65.9,
      "attribute_change_accuracy,none": 68.1,
      "avg_accuracy_stderr,none": 1.2,
      "submission,none": 1,
    },
  });
  const [a, b] = writeFiles("spellings", {
    "old/20241002_120000_results.json": old,
    "new/20241203_093000_results.json": fixed,
  });
  const before = await ingestResults([a], "before-fix");
  const vm = before.rows.find((r) => r.benchmark === "videomme")!;
  assert.deepEqual(
    { ...vm },
    {
      run: "before-fix",
      benchmark: "videomme",
      dimension: "overall",
      metric: "videomme_percetion_score,none",
      value: 54.3,
      n: 2700,
      evaluator: "lmms-eval",
      version: "lmms-eval bb3fd82; task videomme version Yaml",
      settings: "model=longva; model_args=pretrained=lmms-lab/LongVA-7B,max_frames_num=128",
      source: a,
    },
  );
  assert.equal(before.rows.find((r) => r.benchmark === "mlvu")!.dimension, "micro_avg");
  const after = await ingestResults([b], "after-fix");
  assert.equal(
    after.rows.find((r) => r.benchmark === "videomme")!.metric,
    "videomme_perception_score,none",
  );
  // Python counts the metric keys that are not stderr: none may be dropped.
  const expected = debianPythonJson<number>(
    "import json,sys; r=json.load(sys.stdin)['results']; print(sum(1 for t in r.values() for k in t if ',' in k and not k.split(',')[0].endswith('_stderr')))",
    fixed,
  );
  assert.equal(after.rows.length, expected);
  const tc = after.rows
    .filter((r) => r.benchmark === "tempcompass")
    .map((r) => [r.dimension, r.value]);
  assert.deepEqual(tc.slice(0, 2), [
    ["avg", 61.2],
    ["action", 90.8],
  ]);
  assert.ok(
    tc.some(([d]) => d === "submission"),
    "an unknown metric is kept, not dropped",
  );
});

test("samples: Video-MME durations and task types recomputed as Python computes them from the file", async () => {
  const dir = join(EXAMPLES, "longva-t3", "lmms-eval", "EXAMPLE__LongVA-7B-T3");
  const files = filesUnder(dir);
  const run = await ingestResults(files, "t3");
  const samples = files.find((f) => f.endsWith("_samples_videomme.jsonl"))!;
  const oracle = debianPythonJson<Record<string, [number, number]>>(
    `import json,sys,collections
c=collections.defaultdict(lambda:[0,0])
for line in open(sys.argv[1] if len(sys.argv)>1 else ${JSON.stringify(samples)}):
    if not line.strip(): continue
    s=json.loads(line)['videomme_perception_score']
    ok=1 if s['pred_answer']==s['answer'] else 0
    for g in (s['duration'], s['task_category'].lower().replace(' ','_')):
        c[g][0]+=ok; c[g][1]+=1
print(json.dumps(c))`,
  );
  for (const [group, [right, n]] of Object.entries(oracle)) {
    const row = run.rows.find((r) => r.benchmark === "videomme" && r.dimension === group);
    assert.ok(row, `a row for ${group}`);
    assert.equal(row.n, n);
    assert.ok(
      Math.abs(row.value - (100 * right) / n) < 1e-9,
      `${group}: ${row.value} vs ${(100 * right) / n}`,
    );
    assert.equal(row.source, samples);
    assert.match(row.version, /recomputed from per-sample results/);
  }
  assert.equal(run.samples.get("videomme")!.length, 360);
  // MLVU: the paper's macro average over the seven multiple-choice task types.
  const mlvu = files.find((f) => f.endsWith("_samples_mlvu.jsonl"))!;
  const macro = debianPythonJson<number>(
    `import json,collections
c=collections.defaultdict(list)
for line in open(${JSON.stringify(mlvu)}):
    s=json.loads(line)['mlvu_percetion_score']; c[s['task_type']].append(s['pred_answer']==s['answer'])
print(sum(100*sum(v)/len(v) for v in c.values())/len(c))`,
  );
  const row = run.rows.find((r) => r.benchmark === "mlvu" && r.dimension === "macro_avg")!;
  assert.ok(Math.abs(row.value - macro) < 1e-9);
});

test("TempCompass's own output: accuracy per dimension and the micro average, as Python computes them", async () => {
  const file = join(
    EXAMPLES,
    "longva-baseline",
    "TempCompass",
    "auto_eval_results",
    "LongVA-7B",
    "multi-choice.json",
  );
  const run = await ingestResults([file], "base");
  const oracle = debianPythonJson<Record<string, number>>(
    `import json,collections
d=json.load(open(${JSON.stringify(file)})); c=collections.defaultdict(list)
for v in d.values():
    for dim,qs in v.items():
        for q in qs: c[dim].append(q['rating']); c['avg'].append(q['rating'])
print(json.dumps({k:100*sum(v)/len(v) for k,v in c.items()}))`,
  );
  for (const [dim, value] of Object.entries(oracle)) {
    const row = run.rows.find((r) => r.benchmark === "tempcompass" && r.dimension === dim)!;
    assert.ok(Math.abs(row.value - value) < 1e-9, dim);
    assert.equal(row.evaluator, "TempCompass");
    assert.equal(row.settings, "video_llm=LongVA-7B");
  }
  assert.equal(run.samples.get("tempcompass")!.length, 300);
});

test("CSV: quoted names, CJK and emoji kept; benchmark and dimension names normalised", async () => {
  const [f] = writeFiles("csv", {
    "scores.csv":
      '\uFEFFbenchmark,dimension,value,metric\r\nVideo-MME,"Temporal Reasoning",49.7,accuracy\r\nTempCompass,Attr. Change,68.1,accuracy\r\n"時間 bench 🎬","次元, 二",1.5,"m ""q"""\r\n',
  });
  const run = await ingestResults([f], "csv-run");
  assert.deepEqual(
    run.rows.map((r) => [r.benchmark, r.dimension, r.value, r.metric]),
    [
      ["videomme", "temporal_reasoning", 49.7, "accuracy"],
      ["tempcompass", "attr_change", 68.1, "accuracy"],
      ["時間bench", "次元_二", 1.5, 'm "q"'],
    ],
  );
  assert.equal(run.samples.size, 0);
});

test("hostile inputs are refused with the file and field named", async () => {
  const qs = someQuestions(30, 1);
  const lines = qs.map((q, i) => videommeLine(q, i)).join("\n");
  const right = qs.filter((q) => q.pred === q.answer).length;
  const score = (100 * right) / qs.length;
  const [unknown, empty, noMetric, notNumber, results, samples] = writeFiles("hostile", {
    "notes.txt": "run,textual,tempcompass\nx,1,2\n",
    "empty.json": "",
    "r1/20241203_093000_results.json": resultsJson({
      videomme: { alias: "videomme", samples: 30 },
    }),
    "r2/20241203_093000_results.json": resultsJson({
      mlvu: { "mlvu_percetion_score,none": "N/A" },
    }),
    "r3/20241203_093000_results.json": resultsJson({
      videomme: { "videomme_perception_score,none": score, samples: 30 },
    }),
    "r3/20241203_093000_samples_videomme.jsonl": `${lines}\n`,
  });
  await rejects(
    ingestResults([unknown], "x"),
    unknown,
    /not a known result format \(this looks like the input of `t3kit eval correlate`\)/,
  );
  await rejects(ingestResults([empty], "x"), empty, /empty file/);
  const e = await rejects(
    ingestResults([noMetric], "x"),
    noMetric,
    /missing metric "videomme_perception_score,none" or "videomme_percetion_score,none"/,
  );
  assert.equal(e.location.field, "results.videomme");
  const n = await rejects(
    ingestResults([notNumber], "x"),
    notNumber,
    /expected a number, got "N\/A"/,
  );
  assert.equal(n.location.field, 'results.mlvu["mlvu_percetion_score,none"]');
  // The matching pair is accepted; then each way a samples file can fail to match.
  const ok = await ingestResults([results, samples], "ok");
  assert.equal(ok.samples.get("videomme")!.length, 30);
  await rejects(
    ingestResults([samples], "x"),
    samples,
    /no results file among the inputs has task videomme/,
  );
  const [r4, s4] = writeFiles("fewer", {
    "20241203_093000_results.json": resultsJson({
      videomme: { "videomme_perception_score,none": score, samples: 31 },
    }),
    "20241203_093000_samples_videomme.jsonl": lines,
  });
  await rejects(ingestResults([r4, s4], "x"), s4, /30 samples, but .* counts 31/);
  const [r5, s5] = writeFiles("other-run", {
    "20241203_093000_results.json": resultsJson({
      videomme: { "videomme_perception_score,none": score + 0.5, samples: 30 },
    }),
    "20241203_093000_samples_videomme.jsonl": lines,
  });
  await rejects(
    ingestResults([r5, s5], "x"),
    s5,
    /recomputed .* but .* reports .*: not the same run/,
  );
  const [r6, s6] = writeFiles("other-date", {
    "20241203_093000_results.json": resultsJson({
      videomme: { "videomme_perception_score,none": score, samples: 30 },
    }),
    "20241001_000000_samples_videomme.jsonl": lines,
  });
  await rejects(
    ingestResults([r6, s6], "x"),
    s6,
    /no results file .* task videomme from run 20241001_000000/,
  );
  const broken = lines.split("\n");
  broken[4] = broken[4].replace('"task_category":"', '"task_categoryX":"');
  const [s7] = writeFiles("missing-field", {
    "20241203_093000_samples_videomme.jsonl": broken.join("\n"),
  });
  const m = await rejects(
    ingestResults([results, s7], "x"),
    s7,
    /expected a string, got undefined/,
  );
  assert.equal(m.location.record, 5);
  assert.equal(m.location.field, "videomme_perception_score.task_category");
  const noPred = lines.split("\n");
  noPred[2] = noPred[2].replace('"pred_answer":', '"pred":');
  const [s9] = writeFiles("no-pred", {
    "20241203_093000_samples_videomme.jsonl": noPred.join("\n"),
  });
  const np = await rejects(
    ingestResults([results, s9], "x"),
    s9,
    /expected a string or null, got undefined/,
  );
  assert.deepEqual(
    [np.location.record, np.location.field],
    [3, "videomme_perception_score.pred_answer"],
  );
  await rejects(ingestResults([results, results], "x"), results, /given twice for run x/);
  const twice = `${lines}\n${lines.split("\n")[0]}`;
  const [s8] = writeFiles("twice", { "20241203_093000_samples_videomme.jsonl": twice });
  await rejects(ingestResults([results, s8], "x"), s8, /question 000-1 appears twice/);
});

test("CSV and TempCompass files with bad cells name the line and column", async () => {
  const [extra, nan, tc] = writeFiles("bad-cells", {
    "a.csv": "benchmark,dimension,value,frames\nmlvu,ao,54.4,128\n",
    "b.csv": "benchmark,dimension,value\nmlvu,ao,54.4\nmlvu,tr,n/a\n",
    "auto_eval_results/m/multi-choice.json": JSON.stringify({
      v1: {
        order: [
          { question: "q", "gt-answer": "A. x", rating: 1 },
          { question: "q2", "gt-answer": "B. y" },
        ],
      },
    }),
  });
  const a = await rejects(ingestResults([extra], "x"), extra, /unknown column/);
  assert.equal(a.location.field, "frames");
  const b = await rejects(ingestResults([nan], "x"), nan, /expected a number, got "n\/a"/);
  assert.deepEqual([b.location.record, b.location.field], [3, "value"]);
  const t = await rejects(ingestResults([tc], "x"), tc, /expected 0 or 1, got undefined/);
  assert.equal(t.location.field, "v1.order[1].rating");
});

test("samples JSONL through lib/json's reader: CRLF, blank lines, NaN, CJK and emoji ids read; a broken line names file, line and field", async () => {
  const qs = someQuestions(12, 3).map((q, i) => ({
    ...q,
    id: i % 3 === 0 ? `問題-${i} 🎬 "q"` : q.id,
  }));
  const right = qs.filter((q) => q.pred === q.answer).length;
  const results = resultsJson({
    videomme: { "videomme_perception_score,none": (100 * right) / qs.length, samples: qs.length },
  });
  // lmms-eval writes NaN (json.dumps) in fields the kit does not read; blank lines and CRLF
  // line ends are skipped as Python's line loop would.
  const lines = qs.map((q, i) => videommeLine(q, i).replace('"doc_hash":"x"', '"doc_hash":NaN'));
  const body = `${lines.slice(0, 5).join("\r\n")}\r\n\n${lines.slice(5).join("\n")}\n`;
  const [r, s] = writeFiles("jsonl-reader", {
    "20241203_093000_results.json": results,
    "20241203_093000_samples_videomme.jsonl": body,
  });
  const run = await ingestResults([r, s], "x");
  assert.deepEqual(
    run.samples.get("videomme")!.map((o) => o.key),
    qs.map((q) => q.id),
  );
  const broken = `${lines.slice(0, 6).join("\n")}\n${lines[6].replace('"answer":', '"answer" ')}\n${lines.slice(7).join("\n")}\n`;
  const [r2, s2] = writeFiles("jsonl-broken", {
    "20241203_093000_results.json": results,
    "20241203_093000_samples_videomme.jsonl": broken,
  });
  const e = await rejects(ingestResults([r2, s2], "x"), s2, /expected ":" after a key/);
  assert.deepEqual(
    [e.location.record, e.location.recordKind, e.location.field],
    [7, "line", "doc.answer"],
  );
});
