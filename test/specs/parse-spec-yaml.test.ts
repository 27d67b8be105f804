// Specs are read as PyYAML's safe_load reads them: Debian's python3-yaml is the oracle, on
// scalars where YAML 1.1 and 1.2 (and the yaml package and PyYAML) disagree, and on every
// spec file the kit ships.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseSpecYaml, readSpecFile } from "../../lib/specs/index";
import { debianPythonJson } from "../oracle/debian-python";

/** A parsed value in a form both sides can print (ints and floats are both numbers in JS). */
function tagged(v: unknown): unknown {
  if (v === null || v === undefined) return ["null"];
  if (typeof v === "boolean") return ["bool", v];
  if (typeof v === "number")
    return ["num", Number.isNaN(v) ? "nan" : Number.isFinite(v) ? v : String(v)];
  if (typeof v === "string") return ["str", v];
  if (Array.isArray(v)) return ["list", v.map(tagged)];
  return ["map", Object.entries(v as object).map(([k, x]) => [String(k), tagged(x)])];
}

const PY_TAGGED = `
import json, math, sys, yaml
def num(x):
    if isinstance(x, float) and math.isnan(x): return "nan"
    if isinstance(x, float) and math.isinf(x): return "Infinity" if x > 0 else "-Infinity"
    return x
def tagged(v):
    if v is None: return ["null"]
    if isinstance(v, bool): return ["bool", v]
    if isinstance(v, (int, float)): return ["num", num(v)]
    if isinstance(v, str): return ["str", v]
    if isinstance(v, list): return ["list", [tagged(x) for x in v]]
    if isinstance(v, dict): return ["map", [[str(k), tagged(x)] for k, x in v.items()]]
    return ["str", str(v)]
print(json.dumps([tagged(yaml.safe_load(t)) for t in json.load(sys.stdin)]))
`;

const SCALARS = [
  "yes",
  "Yes",
  "YES",
  "no",
  "No",
  "NO",
  "on",
  "On",
  "off",
  "OFF",
  "true",
  "False",
  "TRUE",
  "y",
  "Y",
  "n",
  "N",
  "yEs",
  "~",
  "null",
  "Null",
  "NULL",
  "",
  "010",
  "09",
  "0",
  "-0",
  "-0.0",
  "+12",
  "0x1F",
  "0o17",
  "0b101",
  "1_000",
  "1:30",
  "190:20:30.15",
  "1e3",
  "1.0e3",
  "1.0e+3",
  "1.5E-2",
  ".5",
  "-.5",
  "5.",
  ".inf",
  "-.Inf",
  "+.INF",
  ".nan",
  ".NaN",
  "2024-01-02",
  "1.0",
  "3.14159265358979",
  "1e-7",
  "0.1",
  '"yes"',
  "'010'",
  "5e-05",
  "2.0e-5",
  "- 1\n- 2.5\n- [on, off]",
  "a: b\nc: {d: 1.0e+3, e: y}",
  "日本語: 値",
  "emoji: 😀",
];

test("YAML scalars resolve as PyYAML's safe_load resolves them", () => {
  const python = debianPythonJson<unknown[]>(PY_TAGGED, JSON.stringify(SCALARS));
  SCALARS.forEach((text, i) => {
    assert.deepEqual(tagged(parseSpecYaml(text)), python[i], `YAML ${JSON.stringify(text)}`);
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

test("every YAML spec the kit ships reads as PyYAML reads it", () => {
  const files = [...yamlFiles("data/mixes"), ...yamlFiles("data/training")];
  assert.ok(files.length >= 5, `found ${files.length} spec files`);
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const python = debianPythonJson<unknown[]>(PY_TAGGED, JSON.stringify(texts));
  files.forEach((f, i) => assert.deepEqual(tagged(readSpecFile(f)), python[i], f));
});

test("an unreadable or broken spec names its file", () => {
  assert.throws(
    () => readSpecFile("/nonexistent/spec.yaml"),
    /\/nonexistent\/spec.yaml.*cannot read/,
  );
  assert.throws(() => parseSpecYaml("a: [1, 2"), /./);
});
