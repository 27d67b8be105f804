// Defect 9: bad input gives a message naming the file, flag or field, never a raw Node
// error or a stack trace.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
const dir = mkdtempSync(join(tmpdir(), "t3kit-raw-"));
const missing = join(dir, "nope.json");

function assertClean(r: ReturnType<typeof cli>, pattern: RegExp): void {
  assert.notEqual(r.status, 0, r.stdout);
  assert.ok(r.status === 1 || r.status === 2, `exit ${r.status}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "a stack trace");
  assert.doesNotMatch(r.stderr, /^Error: E[A-Z]+:|TypeError/m);
  assert.match(r.stderr, pattern);
}

test("a folder or a missing file as input is named", () => {
  for (const args of [
    ["tokens", "count", dir],
    ["tokens", "count", missing],
    ["tokens", "filter", "--max-tokens", "9", "--out", join(dir, "o.json"), dir],
    ["tokens", "report", missing],
    ["synthesize", "--captions", dir, "--out", join(dir, "s")],
    ["synthesize", "--captions", missing, "--out", join(dir, "s")],
    ["mix", "reference", "--llava", dir, "--t3-dir", "data/t3", "--out", join(dir, "m")],
    ["mix", "reference", "--llava", missing, "--t3-dir", "data/t3", "--out", join(dir, "m")],
  ]) {
    const r = cli(args);
    assertClean(r, /(nope\.json|t3kit-raw-\w+): (no such file|a folder, not a file)/);
  }
});

test("--out naming a file (where a folder is wanted) is named before any work", () => {
  const file = join(dir, "a-file");
  writeFileSync(file, "x");
  for (const args of [
    [
      "mix",
      "reference",
      "--llava",
      "data/llava/llava-sample.json",
      "--t3-dir",
      "data/t3",
      "--out",
      file,
    ],
    ["mix", "run", "data/mixes/sweeps/embedded-demo.yaml", "--out", file],
    ["synthesize", "--out", file],
  ]) {
    const r = cli(args);
    assertClean(r, /a-file: --out: a file, not a folder/);
    assert.doesNotMatch(r.stdout, /kept/);
  }
});

test("notebooks --only matching nothing, HF_ENDPOINT that is not a URL", () => {
  assertClean(cli(["notebooks", "--only", "zzz-none"]), /no notebook matches zzz-none/);
  assertClean(
    cli(["hub", "list", "tobiaslee/text_temporal"], { HF_ENDPOINT: "notaurl" }),
    /HF_ENDPOINT.*"notaurl" is not an http\(s\) URL/,
  );
});

test("an unreachable --llm-endpoint is named, without a stack", () => {
  const r = cli([
    ...["synthesize", "--out", join(dir, "llm"), "--tasks", "attribute", "--lengths", "1"],
    ...["--llm-endpoint", "http://127.0.0.1:9/v1", "--llm-model", "m"],
  ]);
  assertClean(
    r,
    /--llm-endpoint http:\/\/127\.0\.0\.1:9\/v1(\/chat\/completions)?: .*(gave up|cannot reach)/,
  );
});

test("a cycle of ratio references is refused from the spec alone, naming the field", () => {
  const spec = join(dir, "cycle.yaml");
  writeFileSync(
    spec,
    [
      "name: c",
      "ratio: 0.5",
      "sources:",
      "  - { name: a, kind: llava, path: /nonexistent/a.json, count: ratio, ratioOf: b }",
      "  - { name: b, kind: llava, path: /nonexistent/b.json, count: ratio, ratioOf: a }",
      "",
    ].join("\n"),
  );
  for (const verb of ["plan", "run"]) {
    const r = cli(["mix", verb, spec, "--out", join(dir, "cyc")].slice(0, verb === "plan" ? 3 : 5));
    assertClean(r, /cycle\.yaml, field sources\[\d\]\.ratioOf: .*cycle/);
  }
});
