// Curves read from our fixtures in the three real log formats, checked against Python's own
// reading of the same files (json module), plus hostile logs.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { dataDir } from "../../lib/paths/index";
import { readTrainingCurves, trainingCurvesFigure } from "../../lib/training/index";

const LOGS = join(dataDir, "training", "logs");

const PY = `
import json, sys
path, fmt = sys.argv[1], sys.argv[2]
pts = []
def add(step, o, lr):
    p = {"step": step}
    for k, n in (("loss", "loss"), (lr, "learningRate"), ("grad_norm", "gradNorm"), ("eval_loss", "evalLoss")):
        if o.get(k) is not None: p[n] = o[k]
    if len(p) > 1: pts.append(p)
if fmt == "state":
    for o in json.load(open(path))["log_history"]: add(o["step"], o, "learning_rate")
else:
    for line in open(path):
        if not line.strip(): continue
        o = json.loads(line)
        if fmt == "lf": add(o["current_steps"], o, "lr")
        else: add(int(o["global_step/max_steps"].split("/")[0]), o, "learning_rate")
print(json.dumps(pts))
`;

function pythonPoints(file: string, fmt: string) {
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", PY, file, fmt], { encoding: "utf8" }));
}

test("the three formats read as Python reads them", async () => {
  for (const [name, fmt, total] of [
    ["longva-trainer_state.json", "state", 120],
    ["llamafactory-trainer_log.jsonl", "lf", 300],
    ["ms-swift-logging.jsonl", "swift", 1000],
  ] as const) {
    const c = await readTrainingCurves(join(LOGS, name));
    assert.deepEqual(c.points, pythonPoints(join(LOGS, name), fmt), name);
    assert.equal(c.totalSteps, total);
    const fig = trainingCurvesFigure(c);
    assert.ok(fig.data.length >= 2, name);
  }
  const swift = await readTrainingCurves(join(LOGS, "ms-swift-logging.jsonl"));
  assert.equal(swift.points.filter((p) => p.evalLoss !== undefined).length, 2);
  assert.equal(swift.points.filter((p) => p.gradNorm !== undefined).length, 40);
});

test("a run folder is searched for its log (checkpoints last); hostile logs name file, line and field", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit curves "));
  mkdirSync(join(dir, "checkpoints", "checkpoint-20"), { recursive: true });
  writeFileSync(
    join(dir, "checkpoints", "checkpoint-20", "trainer_state.json"),
    JSON.stringify({ log_history: [{ step: 10, loss: 1.5 }] }),
  );
  assert.equal((await readTrainingCurves(dir)).points.length, 1);
  mkdirSync(join(dir, "checkpoints", "qwen2-vl-72b-instruct", "v0-20241122-135916"), {
    recursive: true,
  });
  writeFileSync(
    join(dir, "checkpoints", "qwen2-vl-72b-instruct", "v0-20241122-135916", "logging.jsonl"),
    '{"loss": NaN, "global_step/max_steps": "1/10"}\n{"loss": 1.0, "learning_rate": 1e-05, "global_step/max_steps": "2/10"}\n\n{"train_runtime": 3.0}\n',
  );
  const c = await readTrainingCurves(dir);
  assert.equal(c.format, "logging.jsonl");
  assert.deepEqual(c.points, [{ step: 2, loss: 1.0, learningRate: 1e-5 }]);
  const bad = async (text: string, name: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    try {
      await readTrainingCurves(f);
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
      return e;
    }
    throw new Error("expected an InputError");
  };
  let e = await bad(
    '{"loss": 1, "global_step/max_steps": "1/2"}\n{"loss": "x", "global_step/max_steps": "2/2"}\n',
    "logging.jsonl",
  );
  assert.deepEqual(
    [e.location.record, e.location.recordKind, e.location.field],
    [2, "line", "loss"],
  );
  e = await bad('{"loss": 1, "global_step/max_steps": "one"}\n', "logging.jsonl");
  assert.equal(e.location.field, "global_step/max_steps");
  e = await bad('{"current_steps": 1, "loss": 1}\n{"current_ste', "trainer_log.jsonl");
  assert.deepEqual([e.location.record, e.problem.startsWith("not valid JSON")], [2, true]);
  e = await bad('{"log_history": {}}', "trainer_state.json");
  assert.equal(e.location.field, "log_history");
  e = await bad("", "trainer_state.json");
  assert.match(e.problem, /not valid JSON/);
  await assert.rejects(readTrainingCurves(join(dir, "nope")), /no such file/);
  const empty = mkdtempSync(join(tmpdir(), "t3kit curves empty"));
  await assert.rejects(
    readTrainingCurves(empty),
    /no trainer_log\.jsonl, logging\.jsonl, trainer_state\.json/,
  );
});

// What Python's json.dump writes for a diverged step: bare NaN / Infinity / -Infinity values;
// the same words inside strings (a note, a run name) are text and must stay so.
const HOSTILE_PY = `
import json, sys
out = sys.argv[1]
nan, inf = float("nan"), float("inf")
notes = ["NaN", "loss, NaN]", "Infinity}", "-Infinity,", '{"loss": NaN}', "中文 NaN 🎬"]
history = []
for i, note in enumerate(notes):
    history.append({"step": i + 1, "loss": [nan, 1.5, inf, -inf, 0.5, 1.0][i],
                    "learning_rate": [1e-05, nan, 2e-05, 3e-05, inf, 4e-05][i],
                    "grad_norm": [0.5, 0.25, nan, 1.0, 2.0, -inf][i], "note": note})
state = {"log_history": history, "max_steps": 6, "best_metric": nan, "run": "NaN, Infinity]"}
json.dump(state, open(out + "/trainer_state.json", "w"), indent=2)
with open(out + "/trainer_log.jsonl", "w") as f:
    for i, h in enumerate(history):
        f.write(json.dumps({"current_steps": h["step"], "total_steps": 6, "loss": h["loss"],
                            "lr": h["learning_rate"], "note": h["note"]}) + "\\n")
def finite(x):
    return isinstance(x, float) and x == x and x not in (inf, -inf)
def points(rows, lr):
    pts = []
    for step, o in rows:
        p = {"step": step}
        for k, n in (("loss", "loss"), (lr, "learningRate"), ("grad_norm", "gradNorm")):
            if finite(o.get(k)): p[n] = o[k]
        if len(p) > 1: pts.append(p)
    return pts
state_back = json.load(open(out + "/trainer_state.json"))
log_back = [json.loads(l) for l in open(out + "/trainer_log.jsonl")]
print(json.dumps({
    "state": points([(h["step"], h) for h in state_back["log_history"]], "learning_rate"),
    "log": points([(o["current_steps"], o) for o in log_back], "lr"),
}))
`;

test("NaN and Infinity: bare values (json.dump's) are left out, the same words inside strings stay text", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit curves nan "));
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  const expected = JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", HOSTILE_PY, dir], { encoding: "utf8" }),
  ) as { state: unknown[]; log: unknown[] };
  const text = readFileSync(join(dir, "trainer_state.json"), "utf8");
  assert.match(text, /"loss": NaN/); // the file really holds the bare tokens
  assert.match(text, /"best_metric": NaN/);
  assert.match(text, /"run": "NaN, Infinity\]"/);
  const state = await readTrainingCurves(join(dir, "trainer_state.json"));
  assert.deepEqual(state.points, expected.state);
  assert.equal(state.totalSteps, 6);
  const log = await readTrainingCurves(join(dir, "trainer_log.jsonl"));
  assert.equal(log.format, "trainer_log.jsonl");
  assert.deepEqual(log.points, expected.log);
  assert.equal(log.totalSteps, 6);
  // A loss that is the string "NaN" is not a number: named, not silently dropped.
  writeFileSync(join(dir, "logging.jsonl"), '{"loss": "NaN", "global_step/max_steps": "1/2"}\n');
  await assert.rejects(
    readTrainingCurves(join(dir, "logging.jsonl")),
    (e: unknown) =>
      e instanceof InputError &&
      e.location.field === "loss" &&
      e.location.record === 1 &&
      e.problem === 'expected a number, got "NaN"',
  );
});
