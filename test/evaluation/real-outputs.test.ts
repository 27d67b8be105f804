// eval ingest on outputs made by lmms-eval's own task code (test/corpus/lmms-eval, written by
// make_corpus.py from tags v0.2.4, v0.3.0, v0.3.2 and main at 75571cfe): group runs, --limit
// runs, MLVU's repeated question texts and its newer type names, and main's layout (stderr_clt
// and stderr_clustered entries, samples without doc, task_hashes over sample_<i> + doc_hash).
// The expected numbers are read from those files by Debian's python3, never from the kit.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { type EvaluationRow, formatIngestOutput, ingestResults } from "../../lib/evaluation/index";
import { debianPythonJson } from "../oracle/debian-python";
import { tempDir } from "./result-fixtures";

const CORPUS = join(__dirname, "..", "corpus", "lmms-eval");
/** The newest lmms-eval main read: commit 75571cfe (git describe v0.6-181-g75571cfe). */
const MAIN = "main-75571cfe";
const runFiles = (run: string): string[] => {
  const dir = join(CORPUS, run, "lmms-lab__LongVA-7B");
  return readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
};
const row = (rows: EvaluationRow[], benchmark: string, dimension: string, metric?: string) =>
  rows.find(
    (r) =>
      r.benchmark === benchmark &&
      r.dimension === dimension &&
      (metric === undefined || r.metric === metric),
  );

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${err}`);
    assert.match(err.message, pattern);
    return err;
  }
  return assert.fail("expected a rejection");
}

// Per task: the results file's metrics, and per dimension the number of samples and correct.
const PY_TASKS = `
import json, sys, glob, os, collections
d = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read().strip()
res = json.load(open(glob.glob(os.path.join(d, "*_results.json"))[0]))
out = {"results": res["results"], "group_subtasks": res["group_subtasks"], "dims": {}}
for f in glob.glob(os.path.join(d, "*_samples_*.jsonl")):
    task = f.rsplit("_samples_", 1)[1][:-6]
    n = collections.Counter()
    qids = collections.Counter()
    for line in open(f, encoding="utf-8"):
        s = json.loads(line)
        # main drops "doc"; its metric dicts keep the dimension and the task type.
        doc = s.get("doc") or next(v for v in s.values() if isinstance(v, dict) and ("dim" in v or "task_type" in v))
        n[doc.get("dim") or doc.get("task_type")] += 1
        for k, v in s.items():
            if k.startswith("mlvu_"):
                qids[v["question_id"]] += 1
    out["dims"][task] = {"n": n, "repeated_ids": sum(1 for c in qids.values() if c > 1)}
print(json.dumps(out))
`;
interface PyTasks {
  results: Record<string, Record<string, unknown>>;
  group_subtasks: Record<string, string[]>;
  dims: Record<string, { n: Record<string, number>; repeated_ids: number }>;
}
const pyTasks = (run: string): PyTasks =>
  debianPythonJson(PY_TASKS, join(CORPUS, run, "lmms-lab__LongVA-7B"));

const BENCHMARK: Record<string, string> = {
  tempcompass_multi_choice: "tempcompass",
  tempcompass_yes_no: "tempcompass_yes_no",
  tempcompass_caption_matching: "tempcompass_caption_matching",
  tempcompass_captioning: "tempcompass_captioning",
};

for (const version of ["v0.3.0", MAIN]) {
  test(`lmms-eval ${version} --tasks tempcompass: the group skipped, every subtask read under its own benchmark, each dimension its own n`, async () => {
    const run = await ingestResults(runFiles(`${version}/tempcompass-group`), "group");
    const py = pyTasks(`${version}/tempcompass-group`);
    assert.deepEqual(py.results.tempcompass, { " ": " ", alias: "tempcompass" });
    assert.equal(py.group_subtasks.tempcompass.length, 4);
    assert.ok(!run.rows.some((r) => r.benchmark.startsWith("tempcompass_all")));
    for (const task of py.group_subtasks.tempcompass) {
      const benchmark = BENCHMARK[task];
      for (const [key, value] of Object.entries(py.results[task])) {
        if (!key.includes(",") || key.includes("_stderr")) continue;
        const dim = key.split(",")[0].replace(/_accuracy$/, "");
        const r = row(run.rows, benchmark, dim, key);
        assert.ok(r, `${task} ${key}`);
        assert.equal(r.value, value, `${task} ${key}`);
        const n = dim === "avg" ? 10 : py.dims[task].n[dim];
        assert.equal(r.n, n, `${task} ${key} n`);
        assert.match(r.version, /group tempcompass/);
      }
    }
    // Yes/no questions are never filed under the paper's multi-choice benchmark.
    const yesNo = py.results.tempcompass_yes_no["avg_accuracy,none"];
    assert.equal(
      row(run.rows, "tempcompass_yes_no", "avg", "avg_accuracy,none")?.source.endsWith(
        "_results.json",
      ),
      true,
    );
    assert.equal(row(run.rows, "tempcompass_yes_no", "avg")?.value, yesNo);
    assert.deepEqual([...run.samples.keys()].sort(), Object.values(BENCHMARK).sort());
    assert.equal(run.samples.get("tempcompass_yes_no")?.length, 10);
    // Uncertainty entries are never rows, whatever lmms-eval calls them.
    assert.ok(!run.rows.some((r) => r.metric.includes("_stderr")));
  });
}

for (const version of ["v0.2.4", MAIN]) {
  test(`lmms-eval ${version} --limit 4: the dimensions asked are read, the one not asked is named in a note; a full run without it is still refused`, async () => {
    const files = runFiles(`${version}/tempcompass-limit`);
    const run = await ingestResults(files, "limit");
    const py = pyTasks(`${version}/tempcompass-limit`);
    const metrics = py.results.tempcompass_multi_choice;
    assert.ok(!("attribute_change_accuracy,none" in metrics));
    for (const dim of ["avg", "action", "speed", "direction", "order"]) {
      assert.equal(
        row(run.rows, "tempcompass", dim, `${dim}_accuracy,none`)?.value,
        metrics[`${dim}_accuracy,none`],
      );
    }
    assert.equal(row(run.rows, "tempcompass", "attribute_change"), undefined);
    assert.equal(run.notes?.length, 1);
    assert.match(
      run.notes?.[0] ?? "",
      /results\.tempcompass_multi_choice has no attribute_change: the --limit run asked 4 of 10 questions/,
    );
    assert.match(formatIngestOutput(run, false), /^note: .*no attribute_change/m);
    assert.deepEqual(JSON.parse(formatIngestOutput(run, true)).notes, run.notes);

    const raw = JSON.parse(readFileSync(files[0], "utf8"));
    raw["n-samples"].tempcompass_multi_choice.effective = 10;
    const dir = tempDir("full");
    const full = join(dir, basename(files[0]));
    writeFileSync(full, JSON.stringify(raw));
    const err = await refused(
      ingestResults([full], "full"),
      /missing metric "attribute_change_accuracy,none"/,
    );
    assert.equal(err.location.file, full);
  });
}

const MLVU_COLUMNS: Record<string, string> = {
  TR: "tr",
  AR: "ar",
  NQA: "needle_qa",
  ER: "er",
  PQA: "plot_qa",
  AO: "ao",
  AC: "ac",
  topic_reasoning: "tr",
  anomaly_reco: "ar",
  needle: "needle_qa",
  ego: "er",
  plotQA: "plot_qa",
  order: "ao",
  count: "ac",
};

// Per type: accuracy as the tag's own aggregation counts it (pred_answer == answer).
const PY_MLVU = `
import json, sys, glob, collections
right, n = collections.Counter(), collections.Counter()
for line in open(glob.glob(sys.stdin.read().strip() + "/*_samples_*.jsonl")[0], encoding="utf-8"):
    s = json.loads(line)
    v = next(v for k, v in s.items() if k.startswith("mlvu_"))
    n[v["task_type"]] += 1
    right[v["task_type"]] += v["pred_answer"] == v["answer"]
print(json.dumps({t: [100 * right[t] / n[t], n[t]] for t in n}))
`;

for (const [run, task, metric, reported] of [
  ["v0.2.4/mlvu", "mlvu", "mlvu_percetion_score,none", "micro_avg"],
  ["v0.3.0/mlvu", "mlvu", "mlvu_perception_score,none", "micro_avg"],
  ["v0.3.2/mlvu_dev", "mlvu_dev", "mlvu_percetion_score,none", "macro_avg"],
  [`${MAIN}/mlvu_dev`, "mlvu_dev", "mlvu_percetion_score,none", "macro_avg"],
] as const) {
  test(`lmms-eval ${run}: repeated question texts read by doc_id, every type in the paper's columns, ${metric} kept`, async () => {
    const ingested = await ingestResults(runFiles(run), run);
    const py = pyTasks(run);
    assert.ok(py.dims[task].repeated_ids > 0, "the corpus repeats MLVU question ids");
    assert.equal(row(ingested.rows, "mlvu", reported, metric)?.value, py.results[task][metric]);
    const types = debianPythonJson<Record<string, [number, number]>>(
      PY_MLVU,
      join(CORPUS, run, "lmms-lab__LongVA-7B"),
    );
    assert.equal(Object.keys(types).length, 7);
    for (const [type, [value, n]] of Object.entries(types)) {
      const r = row(ingested.rows, "mlvu", MLVU_COLUMNS[type]);
      assert.ok(r, `${run} type ${type}`);
      assert.ok(Math.abs(r.value - value) < 1e-9, `${type}: ${r.value} vs ${value}`);
      assert.equal(r.n, n);
    }
    assert.equal(ingested.samples.get("mlvu")?.length, 12);
  });
}

test("a samples file of another run is refused by lmms-eval's task_hashes; a repeated doc_id is refused", async () => {
  const [results, samples] = runFiles("v0.3.2/mlvu_dev");
  const dir = tempDir("hashes");
  const lines = readFileSync(samples, "utf8").trimEnd().split("\n");
  const other = lines.map((l, i) => {
    const s = JSON.parse(l);
    if (i === 0) s.prompt_hash = "0".repeat(64);
    return JSON.stringify(s);
  });
  const moved = join(dir, "20250110_080000_samples_mlvu_dev.jsonl");
  writeFileSync(moved, `${other.join("\n")}\n`);
  const err = await refused(
    ingestResults([results, moved], "x"),
    /task_hashes\.mlvu_dev .*not the same run/,
  );
  assert.equal(err.location.file, moved);

  const twice = join(dir, "sub", "20250110_080000_samples_mlvu_dev.jsonl");
  require("node:fs").mkdirSync(join(dir, "sub"));
  writeFileSync(twice, `${lines.join("\n")}\n${lines[3]}\n`);
  const dup = await refused(ingestResults([results, twice], "y"), /question doc 3 appears twice/);
  assert.equal(dup.location.field, "doc_id");
  assert.equal(dup.location.record, 13);
});

// Each run's task_hashes as lmms-eval computes them, from its own samples files: v0.2.4-v0.3.x
// over doc_hash + prompt_hash + target_hash, main over "sample_<i>" + doc_hash.
const PY_HASHES = `
import json, sys, glob, os, hashlib
d = sys.stdin.read().strip()
res = json.load(open(glob.glob(os.path.join(d, "*_results.json"))[0]))
out = {}
for f in sorted(glob.glob(os.path.join(d, "*_samples_*.jsonl"))):
    task = f.rsplit("_samples_", 1)[1][:-6]
    lines = [json.loads(l) for l in open(f, encoding="utf-8")]
    if all("prompt_hash" in s for s in lines):
        mine = "".join(s["doc_hash"] + s["prompt_hash"] + s["target_hash"] for s in lines)
    else:
        mine = "".join(f"sample_{i}" + s["doc_hash"] for i, s in enumerate(lines))
    out[task] = [hashlib.sha256(mine.encode("utf-8")).hexdigest(), res["task_hashes"][task]]
print(json.dumps(out))
`;

test("lmms-eval main (75571cfe): its task_hashes formula is checked; a samples file of another run is refused", async () => {
  const folder = join(CORPUS, MAIN, "mlvu_dev", "lmms-lab__LongVA-7B");
  const hashes = debianPythonJson<Record<string, [string, string]>>(PY_HASHES, folder);
  for (const [task, [mine, kept]] of Object.entries(hashes)) assert.equal(mine, kept, task);
  const [results, samples] = runFiles(`${MAIN}/mlvu_dev`);
  const lines = readFileSync(samples, "utf8").trimEnd().split("\n");
  // No doc, no prompt or target hash: main keeps only doc_hash; a different question there
  // (or the same lines in another order) is another run.
  assert.ok(lines.every((l) => !("doc" in JSON.parse(l)) && !("prompt_hash" in JSON.parse(l))));
  const dir = tempDir("main-hashes");
  for (const [name, changed] of [
    [
      "other",
      lines.map((l, i) => (i === 2 ? l.replace(/"doc_hash": "[0-9a-f]/, '"doc_hash": "z') : l)),
    ],
    ["swapped", [lines[1], lines[0], ...lines.slice(2)]],
  ] as const) {
    mkdirSync(join(dir, name));
    const moved = join(dir, name, basename(samples));
    writeFileSync(moved, `${changed.join("\n")}\n`);
    const err = await refused(
      ingestResults([results, moved], name),
      /task_hashes\.mlvu_dev .*not the same run/,
    );
    assert.equal(err.location.file, moved);
  }
});

test("every corpus run's task_hashes are what lmms-eval's formula of its version gives (the corpus is what each version writes)", () => {
  for (const run of [
    "v0.2.4/mlvu",
    "v0.3.0/tempcompass-group",
    "v0.3.2/mlvu_dev",
    `${MAIN}/tempcompass-group`,
    `${MAIN}/tempcompass-limit`,
  ]) {
    const hashes = debianPythonJson<Record<string, [string, string]>>(
      PY_HASHES,
      join(CORPUS, run, "lmms-lab__LongVA-7B"),
    );
    assert.ok(Object.keys(hashes).length > 0, run);
    for (const [task, [mine, kept]] of Object.entries(hashes))
      assert.equal(mine, kept, `${run} ${task}`);
  }
});

test("main's --repeats stability entries are about a metric, not metrics (evaluator_utils.py L449-458)", async () => {
  const [results, samples] = runFiles(`${MAIN}/mlvu_dev`);
  const raw = JSON.parse(readFileSync(results, "utf8"));
  for (const stat of [
    "expected_accuracy",
    "consensus_accuracy",
    "internal_variance",
    "consistency_rate",
  ])
    raw.results.mlvu_dev[`mlvu_percetion_score_${stat},none`] = 0.25;
  const dir = tempDir("repeats");
  const file = join(dir, basename(results));
  writeFileSync(file, JSON.stringify(raw));
  const run = await ingestResults([file, samples], "repeats");
  assert.deepEqual(
    run.rows.filter((r) => r.source === file).map((r) => [r.dimension, r.metric]),
    [["macro_avg", "mlvu_percetion_score,none"]],
  );
});
