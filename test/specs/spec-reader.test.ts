// SpecReader's readers for values a program gets as command-line words: positive counts,
// strings without NUL, and values that argparse (HfArgumentParser, ms-swift) would take for
// flags, checked against CPython's own argparse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { SpecReader, describeTypedSpecValue } from "../../lib/specs/index";
import { debianPythonJson } from "../oracle/debian-python";

function problem(read: () => unknown): { field?: string; problem: string } {
  try {
    read();
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.location.file, "s.yaml");
    return { field: e.location.field, problem: e.problem };
  }
  throw new Error("expected an InputError");
}

test("posInt takes whole numbers from 1; anything else names the field and the value", () => {
  const r = new SpecReader("s.yaml");
  for (const n of [1, 8, 2 ** 40]) assert.equal(r.posInt(n, "hardware.nodes"), n);
  for (const [v, shown] of [
    [0, "0"],
    [-3, "-3"],
    [1.5, "1.5"],
    ["8", '"8"'],
    [true, "true"],
    [null, "null"],
    [Number.NaN, "null"],
  ] as const) {
    const p = problem(() => r.posInt(v, "hardware.nodes"));
    assert.deepEqual(p, {
      field: "hardware.nodes",
      problem: `expected a positive integer, got ${shown}`,
    });
  }
  // A reader with a describer shows the value's type, as training specs do.
  const typed = new SpecReader("s.yaml", describeTypedSpecValue);
  assert.equal(
    problem(() => typed.posInt("8", "batch.global")).problem,
    'expected a positive integer, got string "8"',
  );
  assert.equal(problem(() => typed.obj([1], "data")).problem, "expected a mapping, got a list");
  assert.equal(
    problem(() => typed.str(null, "name")).problem,
    "expected a non-empty string, got null",
  );
});

test("safeStr refuses empty strings and NUL anywhere; CJK, emoji and controls pass", () => {
  const r = new SpecReader("s.yaml");
  for (const s of ["/data/中文 🎬/a b.json", "tab\there", "\u0001ctrl", "x"])
    assert.equal(r.safeStr(s, "data.path"), s);
  assert.deepEqual(
    problem(() => r.safeStr("a\0b", "data.path")),
    {
      field: "data.path",
      problem: "contains a NUL character",
    },
  );
  assert.deepEqual(problem(() => r.safeStr("\0", "data.path")).problem, "contains a NUL character");
  assert.match(problem(() => r.safeStr("", "data.path")).problem, /non-empty string, got ""/);
  assert.equal(r.noNul("", "x"), "");
});

test("notFlag refuses what CPython's argparse reads as a flag, and keeps what it reads as a value", () => {
  const words = ["-x", "--evil", "-report_to", "--", "wandb", "a-b", "x--y", "中文", " -lead"];
  // argparse with one string option: which words does `--opt WORD` accept as its value?
  const accepted = debianPythonJson<Record<string, boolean>>(
    `
import argparse, json, sys
out = {}
for w in json.loads(sys.stdin.read()):
    p = argparse.ArgumentParser(exit_on_error=False)
    p.add_argument("--opt")
    try:
        out[w] = p.parse_args(["--opt", w]).opt == w
    except (argparse.ArgumentError, SystemExit):
        out[w] = False
print(json.dumps(out))
`,
    JSON.stringify(words),
  );
  const r = new SpecReader("s.yaml");
  for (const w of words) {
    if (accepted[w]) {
      assert.equal(r.notFlag(w, "model"), w, w);
      continue;
    }
    const p = problem(() => r.notFlag(w, "model", "the codebase's argument parser"));
    assert.deepEqual(p, {
      field: "model",
      problem: `${JSON.stringify(w)} starts with "-": the codebase's argument parser would read it as a flag`,
    });
  }
  assert.deepEqual(
    words.filter((w) => !accepted[w]),
    ["-x", "--evil", "-report_to", "--"],
  );
});
