/**
 * Results from elsewhere (the PyTorch probes of lib/probing/python on a GPU) read into the
 * same table; summaries; the shipped Python scripts compile, and torch_probes.py's JSON is
 * what the kit reads (run live on tiny features with Debian's python3-torch).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { npyBytes, parseProbeResults, summariseProbeResults } from "../../lib/probing/index";
import { DEBIAN_PYTHON, requireTorch } from "../oracle/debian-python";

test("probe results JSON: read, summarised per aspect and group, bad records named", () => {
  const results = parseProbeResults(
    JSON.stringify({
      results: [
        { aspect: "order", probe: "lstm", seed: 12, accuracy: 1 },
        { aspect: "order", probe: "lstm", seed: 22, accuracy: 0.5 },
        { aspect: "order_3", probe: "lstm", seed: 12, accuracy: 0.5 },
        { aspect: "order_3", probe: "lstm", seed: 22, accuracy: 0.5 },
      ],
    }),
    "r.json",
  );
  const rows = summariseProbeResults(results);
  assert.deepEqual(
    rows.map((r) => [r.name, r.kind, r.mean, r.std]),
    [
      ["order", "aspect", 75, 25],
      ["order_3", "aspect", 50, 0],
      ["Order", "group", 62.5, 12.5],
    ],
  );
  assert.throws(() => parseProbeResults("{", "bad.json"), /bad\.json: not JSON/);
  assert.throws(
    () =>
      parseProbeResults(
        '{"results":[{"aspect":"order","probe":"lstm","seed":1,"accuracy":93}]}',
        "p.json",
      ),
    /p\.json, record 0, field accuracy: 93 is not a number in 0\.\.1/,
  );
  assert.throws(
    () =>
      parseProbeResults(
        '{"results":[{"aspect":"zoom","probe":"lstm","seed":1,"accuracy":0.5}]}',
        "p.json",
      ),
    /field aspect: unknown aspect "zoom"/,
  );
});

const PYTHON_DIR = join(__dirname, "..", "..", "lib", "probing", "python");

test("the shipped Python scripts compile", () => {
  // ast.parse compiles without writing __pycache__ into the source tree.
  for (const script of ["extract_features.py", "convert_pt_features.py", "torch_probes.py"])
    execFileSync("python3", [
      "-c",
      "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])",
      join(PYTHON_DIR, script),
    ]);
});

test("extract_features.py --llm-layer: the released index ([0] LongVA, [-1] VILA) gets the chosen layer (Debian's python3-torch)", () => {
  requireTorch();
  // A forward pass with 4 hidden layers whose values say their index.
  const code = `
import importlib.util, json, sys, torch
sys.dont_write_bytecode = True  # nothing written into the source tree
spec = importlib.util.spec_from_file_location("extract_features", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
forward = lambda *a, **kw: {"hidden_states": tuple(torch.full((2, 3), float(i)) for i in range(4))}
out = {}
for layer in (0, 2, -1):
    f = m.with_hidden_layer(forward, layer)
    out[str(layer)] = [f()["hidden_states"][0][0, 0].item(), f()["hidden_states"][-1][0, 0].item()]
print(json.dumps(out))`;
  const got = JSON.parse(
    execFileSync(DEBIAN_PYTHON, ["-c", code, join(PYTHON_DIR, "extract_features.py")], {
      encoding: "utf8",
    }),
  );
  assert.deepEqual(got, { "0": [0, 0], "2": [2, 2], "-1": [3, 3] });
});

test("torch_probes.py writes what the kit reads (live, Debian's python3-torch)", () => {
  requireTorch();
  const root = mkdtempSync(join(tmpdir(), "t3kit-torch-probes-"));
  for (const split of ["train", "val"])
    for (const [label, className] of ["cats_people", "people_cats"].entries()) {
      const dir = join(root, "order", split, className);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < 3; i++)
        writeFileSync(
          join(dir, `v${i}.npy`),
          npyBytes(
            [4, 6],
            Float32Array.from({ length: 24 }, (_, k) => (label ? 1 : -1) * (k % 6) + i * 0.01),
          ),
        );
    }
  const out = execFileSync(
    DEBIAN_PYTHON,
    [
      join(PYTHON_DIR, "torch_probes.py"),
      "--features",
      root,
      ..."--probe linear --aspects order --seeds 12,22".split(" "),
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  const results = parseProbeResults(out, "torch_probes.py stdout");
  assert.deepEqual(
    results.map((r) => [r.aspect, r.probe, r.seed]),
    [
      ["order", "linear", 12],
      ["order", "linear", 22],
    ],
  );
  // The two classes are mirror images: any trained linear probe separates them.
  assert.ok(
    results.every((r) => r.accuracy === 1),
    JSON.stringify(results),
  );
});
