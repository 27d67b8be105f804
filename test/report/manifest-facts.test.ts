import assert from "node:assert/strict";
import { test } from "node:test";
import { distinctSeeds, manifestFacts } from "../../lib/report/index";

const A = "a".repeat(64);
const B = "0123456789ABCDEF".repeat(4);

test("manifestFacts finds seeds and sha256 anywhere, naming the field", () => {
  const facts = manifestFacts({
    seed: 42,
    resolvedSpec: { seed: 42, sources: [{ name: "x", Seed: "7" }] },
    inputs: [{ files: [{ path: "/data/😀.json", sha256: A }] }],
    "output file": { sha256: B },
    "a.b": { inputSha256: A },
    notes: { sha256: "not-a-digest", seedling: 3, seed: { nested: true } },
    deep: [[{ sha256: `${A}0` }]],
  });
  assert.deepEqual(facts.seeds, [
    { field: "seed", value: "42" },
    { field: "resolvedSpec.seed", value: "42" },
    { field: "resolvedSpec.sources[0].Seed", value: "7" },
  ]);
  assert.deepEqual(facts.sha256, [
    { field: "inputs[0].files[0].sha256", value: A },
    { field: '["output file"].sha256', value: B.toLowerCase() },
    { field: '["a.b"].inputSha256', value: A },
  ]);
  assert.deepEqual(distinctSeeds(facts), ["42", "7"]);
});

test("manifestFacts of non-objects and empty manifests is empty", () => {
  for (const v of [null, 3, "seed", [], {}, [[[]]]]) {
    assert.deepEqual(manifestFacts(v), { seeds: [], sha256: [] });
  }
});

test("a manifest nested 200,000 deep is summarised, not a stack overflow", () => {
  const deep = `${"[".repeat(200_000)}{"seed": 5}${"]".repeat(200_000)}`;
  const facts = manifestFacts(JSON.parse(deep));
  assert.deepEqual(distinctSeeds(facts), ["5"]);
});
