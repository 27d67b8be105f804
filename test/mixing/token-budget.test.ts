/**
 * Token budgets in mix specs. Oracles: CPython (the seeded order of each budget source,
 * the stop rule restated in Python, word counts with str.split) and the pure-JS Qwen2
 * tokenizer (the manifest's Qwen2 counts, which the run takes with the Rust binding).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { loadMixSpec, planSpec, runMix, validateMixSpec } from "../../lib/mixing/index";
import { countRecordTokens } from "../../lib/token-counting/count-record-tokens";
import { loadTokenizer } from "../../lib/token-counting/text/load-tokenizer";
import { runPythonJson } from "../oracle/run-python";

// Ten records whose word counts are known by construction: record i has a human turn of
// w(i) words and a one-word reply, so w(i) + 1 "words" tokens under template none.
const words = (i: number) => ((i * 7) % 11) + 2;
const dir = mkdtempSync(join(tmpdir(), "t3kit-budget-"));
const llava = join(dir, "ten.json");
writeFileSync(
  llava,
  JSON.stringify(
    Array.from({ length: 10 }, (_, i) => ({
      id: `rec-${i}`,
      conversations: [
        { from: "human", value: Array.from({ length: words(i) }, () => "w").join(" ") },
        { from: "gpt", value: "ok" },
      ],
    })),
  ),
);
const WORDS = { tokenizer: "words", template: "none", visual: { vision: "none" } };

/**
 * CPython: the source's order (random.Random(sha256("seed/name")[:8])), `passes` shuffles
 * or, with replacement, `_randbelow` draws; then the stop rule, written again here.
 */
function pythonTake(
  seed: number,
  name: string,
  budget: number,
  mode: { passes?: number; replacement?: boolean },
): { ids: number[]; tokens: number } {
  const counts = Array.from({ length: 10 }, (_, i) => words(i) + 1);
  return runPythonJson(`
import hashlib, json, random
key = int.from_bytes(hashlib.sha256(${JSON.stringify(`${seed}/${name}`)}.encode()).digest()[:8], "big")
r = random.Random(key)
counts = ${JSON.stringify(counts)}
if ${mode.replacement ? "True" : "False"}:
    stream = [r._randbelow(10) for _ in range(200)]
else:
    stream, order = [], list(range(10))
    for _ in range(${mode.passes ?? 1}):
        r.shuffle(order); stream += order
ids, tokens = [], 0
for i in stream:
    if tokens >= ${budget}: break
    if tokens + counts[i] > ${budget} and ids: break
    ids.append(i); tokens += counts[i]
print(json.dumps({"ids": ids, "tokens": tokens}))
`);
}

function specFile(body: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(dir, "spec-")), "spec.json");
  writeFileSync(file, JSON.stringify({ seed: 5, shuffle: false, tokens: WORDS, ...body }));
  return file;
}

interface Manifest {
  inputs: { passes: number; tokens: { takes: number; inMix: number } }[];
}

async function takeIds(
  source: Record<string, unknown>,
): Promise<{ ids: number[]; manifest: Manifest }> {
  const file = specFile({
    name: "b",
    sources: [{ name: "ten", kind: "llava", path: llava, ...source }],
  });
  const [r] = await runMix(loadMixSpec(file), { specFile: file, outDir: join(file, "..") });
  const ids = (JSON.parse(readFileSync(r.file, "utf8")) as { id: string }[]).map((x) =>
    Number(x.id.slice(4)),
  );
  return { ids, manifest: JSON.parse(readFileSync(r.manifestFile, "utf8")) };
}

test("a budget is met exactly, or stops before the record that would exceed it", async () => {
  const all = pythonTake(5, "ten", 10_000, {});
  const prefix = (n: number) => all.ids.slice(0, n).reduce((a, i) => a + words(i) + 1, 0);
  // Exactly the first four records' tokens: four records, the budget met to the token.
  const exact = await takeIds({ count: { tokens: prefix(4) } });
  assert.deepEqual(exact.ids, all.ids.slice(0, 4));
  assert.equal(exact.manifest.inputs[0].tokens.inMix, prefix(4));
  // One token short of the fifth record: still four records (no overshoot, no skipping).
  const short = await takeIds({ count: { tokens: prefix(5) - 1 } });
  assert.deepEqual(short.ids, all.ids.slice(0, 4));
  assert.deepEqual(short.ids, pythonTake(5, "ten", prefix(5) - 1, {}).ids);
  // Below one record: that one record (the only overshoot).
  const tiny = await takeIds({ count: { tokens: 1 } });
  assert.deepEqual(tiny.ids, [all.ids[0]]);
  assert.equal(tiny.manifest.inputs[0].tokens.takes, words(all.ids[0]) + 1);
});

test("exhaustion: error, truncate, repeat within maxRepeats, replacement — as CPython draws them", async () => {
  const holds = Array.from({ length: 10 }, (_, i) => words(i) + 1).reduce((a, b) => a + b, 0);
  const file = specFile({
    name: "e",
    sources: [{ name: "ten", kind: "llava", path: llava, count: { tokens: holds + 30 } }],
  });
  const [plan] = await planSpec(loadMixSpec(file), { specFile: file });
  assert.equal(plan.ok, false);
  assert.match(
    plan.sources[0].status,
    new RegExp(`asks ${holds + 30} tokens but its 10 records hold ${holds}`),
  );
  await assert.rejects(
    runMix(loadMixSpec(file), { specFile: file, outDir: dir }),
    (e: unknown) => e instanceof InputError && e.location.field === "sources[0]",
  );

  const truncated = await takeIds({ count: { tokens: holds + 30 }, onExhausted: "truncate" });
  assert.equal(truncated.ids.length, 10);
  assert.equal(truncated.manifest.inputs[0].tokens.inMix, holds);

  const repeat = { count: { tokens: holds + 30 }, onExhausted: "repeat" };
  const file2 = specFile({
    name: "r",
    sources: [{ name: "ten", kind: "llava", path: llava, ...repeat }],
  });
  const [p2] = await planSpec(loadMixSpec(file2), { specFile: file2 });
  assert.match(p2.sources[0].status, /needs 2 passes over 10 records .* maxRepeats is 1/);
  const twice = await takeIds({ ...repeat, maxRepeats: 2 });
  const py = pythonTake(5, "ten", holds + 30, { passes: 2 });
  assert.deepEqual(twice.ids, py.ids);
  assert.equal(twice.manifest.inputs[0].passes, 2);
  assert.equal(twice.manifest.inputs[0].tokens.inMix, py.tokens);

  const drawn = await takeIds({ count: { tokens: 150 }, replacement: true });
  assert.deepEqual(drawn.ids, pythonTake(5, "ten", 150, { replacement: true }).ids);
});

test("token knobs and the tokens block: errors name the field path", () => {
  const fieldOf = (raw: Record<string, unknown>): string => {
    try {
      validateMixSpec({ name: "m", ...raw }, "s.yaml");
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
      return e.location.field ?? "";
    }
    throw new Error(`no error for ${JSON.stringify(raw)}`);
  };
  const src = (knob: Record<string, unknown>) => [{ name: "a", kind: "t3", path: "x", ...knob }];
  assert.equal(fieldOf({ sources: src({ count: { tokens: 0 } }) }), "sources[0].count.tokens");
  assert.equal(fieldOf({ sources: src({ count: { tokens: 2.5 } }) }), "sources[0].count.tokens");
  assert.equal(fieldOf({ sources: src({ count: { records: 5 } }) }), "sources[0].count.records");
  assert.equal(fieldOf({ sources: src({ count: {} }) }), "sources[0].count.tokens");
  assert.equal(fieldOf({ sources: src({ fraction: { tokens: 0.5 } }) }), "sources[0].fraction");
  assert.equal(
    fieldOf({ tokens: { total: 9 }, sources: src({ proportion: { tokens: 1.5 } }) }),
    "sources[0].proportion.tokens",
  );
  assert.equal(fieldOf({ sources: src({ proportion: { tokens: 0.5 } }) }), "tokens.total");
  assert.equal(fieldOf({ total: 100, sources: src({ count: { tokens: 1000 } }) }), "total");
  assert.equal(
    fieldOf({ sweep: { total: [1, 2] }, sources: src({ count: { tokens: 1000 } }) }),
    "sweep.total",
  );
  assert.equal(
    fieldOf({
      tokens: { total: 10 },
      sources: [
        { name: "a", kind: "t3", path: "x", proportion: { tokens: 0.7 } },
        { name: "b", kind: "t3", path: "y", proportion: { tokens: 0.6 } },
      ],
    }),
    "sources",
  );
  const block = (tokens: Record<string, unknown>) =>
    fieldOf({ tokens, sources: src({ count: 1 }) });
  assert.equal(block({ tokenizer: "bert" }), "tokens.tokenizer");
  assert.equal(block({ template: "chatml" }), "tokens.template");
  assert.equal(block({ preset: "llama" }), "tokens.preset");
  assert.equal(block({ visual: { vision: "clip" } }), "tokens.visual.vision");
  assert.equal(block({ visual: { colour: 1 } }), "tokens.visual.colour");
  assert.equal(block({ colour: 1 }), "tokens.colour");
  // Defaults: the kit's qwen2 + longva; a preset gives template and visual settings.
  const d = validateMixSpec({ name: "m", sources: src({ count: { tokens: 5 } }) });
  assert.deepEqual([d.tokens?.tokenizer, d.tokens?.template], ["qwen2", "longva"]);
  const p = validateMixSpec({
    name: "m",
    tokens: { preset: "qwen2vl-72b" },
    sources: src({ count: 5 }),
  });
  assert.deepEqual([p.tokens?.template, p.tokens?.visual.maxPixels], ["qwen2vl", 401408]);
  // A LLaMA-Factory preset counts as v0.9.1 (the release's codebase) unless a tag is chosen.
  const lf = (visual?: Record<string, unknown>) =>
    validateMixSpec({
      name: "m",
      tokens: { preset: "qwen2vl-7b", visual },
      sources: src({ count: 5 }),
    }).tokens?.visual.llamaFactory;
  assert.equal(lf()?.version, "0.9.1");
  assert.deepEqual(
    [
      lf({ llamaFactoryVersion: "0.9.2" })?.version,
      lf({ llamaFactoryVersion: "0.9.2" })?.imageMaxPixels,
    ],
    ["0.9.2", 768 * 768],
  );
  assert.equal(
    block({ preset: "qwen2vl-72b", visual: { llamaFactoryVersion: "0.9.2" } }),
    "tokens.visual.llamaFactoryVersion",
  );
  assert.equal(
    block({ preset: "qwen2vl-7b", visual: { llamaFactoryVersion: "0.9" } }),
    "tokens.visual.llamaFactoryVersion",
  );
  assert.equal(validateMixSpec({ name: "m", sources: src({ count: 5 }) }).tokens, undefined);
});

test("same spec, same bytes; Qwen2 tokens in the manifest are what the pure-JS Qwen2 counts", async () => {
  const spec = join("data", "mixes", "token-budget-demo.yaml");
  const outA = mkdtempSync(join(dir, "a-"));
  const outB = mkdtempSync(join(dir, "b-"));
  const [a] = await runMix(loadMixSpec(spec), { specFile: spec, outDir: outA });
  const [b] = await runMix(loadMixSpec(spec), { specFile: spec, outDir: outB });
  for (const f of ["token-budget-demo.json", "token-budget-demo.manifest.json"])
    assert.ok(readFileSync(join(outA, f)).equals(readFileSync(join(outB, f))), `${f} differs`);
  const manifest = JSON.parse(readFileSync(a.manifestFile, "utf8"));
  const js = loadTokenizer("qwen2", "js");
  const bySource: Record<string, number> = { order_long: 0, attribute_long: 0, llava_next: 0 };
  for (const r of JSON.parse(readFileSync(a.file, "utf8")) as { id: string }[]) {
    const { total } = await countRecordTokens(r, { tokenizer: js, template: "longva" });
    const s = r.id.startsWith("tempqa-order")
      ? "order_long"
      : r.id.startsWith("tempqa-attribute")
        ? "attribute_long"
        : "llava_next";
    bySource[s] += total;
  }
  for (const input of manifest.inputs) {
    assert.equal(input.tokens.inMix, bySource[input.source], input.source);
    assert.ok(input.tokens.inMix <= input.tokens.budget, `${input.source} within its budget`);
    assert.ok(input.tokens.inMix > input.tokens.budget * 0.8, `${input.source} near its budget`);
  }
  assert.equal(manifest.tokens.template, "longva");
});

test("a record-count mix with a tokens block gets a tokens column; counting errors name the record", async () => {
  const file = specFile({
    name: "c",
    holdout: { count: 2 },
    sources: [{ name: "ten", kind: "llava", path: llava, count: 6 }],
  });
  const [r] = await runMix(loadMixSpec(file), { specFile: file, outDir: join(file, "..") });
  const m = JSON.parse(readFileSync(r.manifestFile, "utf8"));
  const py = runPythonJson<number[]>(
    `import json\nf=lambda p: sum(len(t["value"].split()) for r in json.load(open(p)) for t in r["conversations"])\nprint(json.dumps([f(${JSON.stringify(r.file)}), f(${JSON.stringify(r.holdoutFile)})]))`,
  );
  assert.deepEqual([m.inputs[0].tokens.inMix, m.inputs[0].tokens.inHoldout], py);
  assert.equal(m.inputs[0].tokens.budget, null);

  const bad = join(dir, "bad.json");
  const recs = JSON.parse(readFileSync(llava, "utf8"));
  recs[7].conversations[0].value += " <image>";
  writeFileSync(bad, JSON.stringify(recs));
  const f2 = specFile({
    name: "bad",
    tokens: { ...WORDS, template: "qwen2vl" },
    sources: [
      { name: "ten", kind: "llava", path: bad, count: { tokens: 10_000 }, onExhausted: "truncate" },
    ],
  });
  await assert.rejects(
    planSpec(loadMixSpec(f2), { specFile: f2 }),
    (e: unknown) =>
      e instanceof InputError &&
      e.location.file === bad &&
      e.location.record === 7 &&
      /image/.test(e.message),
  );
});

test("mix plan prints budgets, tokens taken, records taken and token shares, and the rule", () => {
  const r = spawnSync(
    process.execPath,
    ["scripts/t3kit.cjs", "mix", "plan", "data/mixes/token-budget-demo.yaml"],
    {
      encoding: "utf8",
    },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /tok budget\s+tokens\s+tok share\s+counted/);
  assert.match(
    r.stdout,
    /llava_next\s+llava\s+image\s+120\s+proportion: 0\.5 of 12000 tokens\s+(\d+)\s+\1\s+1\s+[\d.]+%\s+6000\s+\d+\s+[\d.]+%/,
  );
  assert.match(r.stdout, /the first record that would exceed it ends the source/);
  assert.match(r.stdout, /counted with qwen2 .*template longva, vision longva/);
});
