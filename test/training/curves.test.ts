// Curves read from our fixtures in the three real log formats, checked against Python's own
// reading of the same files (json module), plus hostile logs.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { dataDir } from "../../lib/paths/index";
import { readTrainingCurves, trainingCurvesFigure } from "../../lib/training/index";
import { debianPythonJson } from "../oracle/debian-python";

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

test("the three formats read as Python reads them", () => {
  for (const [name, fmt, total] of [
    ["longva-trainer_state.json", "state", 120],
    ["llamafactory-trainer_log.jsonl", "lf", 300],
    ["ms-swift-logging.jsonl", "swift", 1000],
  ] as const) {
    const c = readTrainingCurves(join(LOGS, name));
    assert.deepEqual(c.points, pythonPoints(join(LOGS, name), fmt), name);
    assert.equal(c.totalSteps, total);
    const fig = trainingCurvesFigure(c);
    assert.ok(fig.data.length >= 2, name);
  }
  const swift = readTrainingCurves(join(LOGS, "ms-swift-logging.jsonl"));
  assert.equal(swift.points.filter((p) => p.evalLoss !== undefined).length, 2);
  assert.equal(swift.points.filter((p) => p.gradNorm !== undefined).length, 40);
  void debianPythonJson;
});

test("a run folder is searched for its log (checkpoints last); hostile logs name file, line and field", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit curves "));
  mkdirSync(join(dir, "checkpoints", "checkpoint-20"), { recursive: true });
  writeFileSync(
    join(dir, "checkpoints", "checkpoint-20", "trainer_state.json"),
    JSON.stringify({ log_history: [{ step: 10, loss: 1.5 }] }),
  );
  assert.equal(readTrainingCurves(dir).points.length, 1);
  mkdirSync(join(dir, "checkpoints", "qwen2-vl-72b-instruct", "v0-20241122-135916"), {
    recursive: true,
  });
  writeFileSync(
    join(dir, "checkpoints", "qwen2-vl-72b-instruct", "v0-20241122-135916", "logging.jsonl"),
    '{"loss": NaN, "global_step/max_steps": "1/10"}\n{"loss": 1.0, "learning_rate": 1e-05, "global_step/max_steps": "2/10"}\n\n{"train_runtime": 3.0}\n',
  );
  const c = readTrainingCurves(dir);
  assert.equal(c.format, "logging.jsonl");
  assert.deepEqual(c.points, [{ step: 2, loss: 1.0, learningRate: 1e-5 }]);
  const bad = (text: string, name: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    try {
      readTrainingCurves(f);
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
      return e;
    }
    throw new Error("expected an InputError");
  };
  let e = bad(
    '{"loss": 1, "global_step/max_steps": "1/2"}\n{"loss": "x", "global_step/max_steps": "2/2"}\n',
    "logging.jsonl",
  );
  assert.deepEqual(
    [e.location.record, e.location.recordKind, e.location.field],
    [2, "line", "loss"],
  );
  e = bad('{"loss": 1, "global_step/max_steps": "one"}\n', "logging.jsonl");
  assert.equal(e.location.field, "global_step/max_steps");
  e = bad('{"current_steps": 1, "loss": 1}\n{"current_ste', "trainer_log.jsonl");
  assert.deepEqual([e.location.record, e.problem.startsWith("not valid JSON")], [2, true]);
  e = bad('{"log_history": {}}', "trainer_state.json");
  assert.equal(e.location.field, "log_history");
  e = bad("", "trainer_state.json");
  assert.match(e.problem, /not valid JSON/);
  assert.throws(() => readTrainingCurves(join(dir, "nope")), /no such file/);
  const empty = mkdtempSync(join(tmpdir(), "t3kit curves empty"));
  assert.throws(
    () => readTrainingCurves(empty),
    /no trainer_log\.jsonl, logging\.jsonl, trainer_state\.json/,
  );
});
