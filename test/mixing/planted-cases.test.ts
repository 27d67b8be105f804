// Mixing cases a planted bug once slipped past, each checked against an independent
// oracle (Python's json and hashlib on the written files).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { runPythonJson } from "../oracle/run-python";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", "mix", ...args], { encoding: "utf8" });

function specWith(holdout: string, count: number): { dir: string; spec: string } {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-mix-planted-"));
  const spec = join(dir, "spec.yaml");
  writeFileSync(
    spec,
    `name: h\nseed: 3\nholdout: ${holdout}\nsources:\n  - name: l\n    kind: llava\n    path: ${resolve("data/llava/llava-sample.json")}\n    count: ${count}\n`,
  );
  return { dir, spec };
}

test("a holdout fraction of a count that is not a whole number rounds down, as int() does", () => {
  for (const [fraction, count] of [
    [0.1, 55],
    [0.3, 10],
    [0.25, 7],
    [0.5, 3],
  ] as const) {
    const want = runPythonJson<number>(`print(int(${fraction} * ${count}))`);
    const { dir, spec } = specWith(`{ fraction: ${fraction} }`, count);
    const r = cli(["run", spec, "--out", dir]);
    assert.equal(r.status, 0, r.stderr);
    const [mix, held] = runPythonJson<number[]>(
      "import json,sys\nd=sys.argv[1] if len(sys.argv)>1 else None\n" +
        `print(json.dumps([len(json.load(open(${JSON.stringify(join(dir, "h.json"))}))), len(json.load(open(${JSON.stringify(join(dir, "h.holdout.json"))})))]))`,
    );
    assert.equal(held, want, `holdout of ${fraction} x ${count}`);
    assert.equal(mix, count - want);
  }
});

test("the manifest's sha256 values are the written files' sha256 (hashlib)", () => {
  const { dir, spec } = specWith("{ count: 4 }", 30);
  const r = cli(["run", spec, "--out", dir]);
  assert.equal(r.status, 0, r.stderr);
  const manifest = JSON.parse(readFileSync(join(dir, "h.manifest.json"), "utf8"));
  const hashes = runPythonJson<string[]>(
    `import hashlib,json\nprint(json.dumps([hashlib.sha256(open(p,'rb').read()).hexdigest() for p in ${JSON.stringify(
      [join(dir, "h.json"), join(dir, "h.holdout.json"), resolve("data/llava/llava-sample.json")],
    )}]))`,
  );
  assert.equal(manifest.output.sha256, hashes[0]);
  assert.equal(manifest.holdout.sha256, hashes[1]);
  assert.equal(manifest.inputs[0].files[0].sha256, hashes[2]);
});

test("a holdout must give exactly one of count and fraction; a count must be whole", () => {
  const both = specWith("{ count: 2, fraction: 0.1 }", 10);
  const r = cli(["plan", both.spec]);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /spec\.yaml, field holdout: give exactly one of count, fraction/);
  const half = specWith("{ count: 2.5 }", 10);
  const h = cli(["plan", half.spec]);
  assert.equal(h.status, 1, h.stdout);
  assert.match(h.stderr, /spec\.yaml, field holdout\.count: /);
});
