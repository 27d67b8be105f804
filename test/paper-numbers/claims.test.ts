import assert from "node:assert/strict";
import { test } from "node:test";
import { checkClaims, deltasToBaseline, loadPaperTables } from "../../lib/paper-numbers/index";

test("the abstract's numbers follow from the tables", () => {
  const tables = loadPaperTables();
  const tc = deltasToBaseline(tables.get("tempcompass")!);
  const avg = tables.get("tempcompass")!.columns.findIndex((c) => c.key === "avg");
  // Abstract: "+5.3 absolute accuracy gain on TempCompass".
  assert.equal(tc.find((d) => d.label === "+ T3 (all tasks)")!.deltas[avg], 5.3);
  const vm = tables.get("videomme")!;
  const tr = vm.columns.findIndex((c) => c.key === "temporal_reasoning");
  // Abstract: "49.7 on Video-MME Temporal Reasoning"; +12.4 over LongVA-7B.
  assert.equal(vm.rows.find((r) => r.label.startsWith("+ T3"))!.values[tr], 49.7);
  assert.equal(deltasToBaseline(vm).find((d) => d.label.startsWith("+ T3"))!.deltas[tr], 12.4);
});

test("every claim in claims.json holds, and a changed number makes one fail", () => {
  const tables = loadPaperTables();
  const results = checkClaims(tables);
  assert.equal(results.length, 13);
  assert.deepEqual(
    results.filter((r) => !r.holds).map((r) => r.id),
    [],
  );
  const sg = results.find((r) => r.id === "beats-sharegpt4video")!;
  assert.equal(sg.computed, "+1.8");

  const tc = structuredClone(tables.get("tempcompass")!);
  tc.rows.find((r) => r.label === "ShareGPT4Video-8B")!.values[5] = 61.5;
  const broken = new Map(tables).set("tempcompass", tc);
  const failed = checkClaims(broken)
    .filter((r) => !r.holds)
    .map((r) => r.id);
  assert.deepEqual(failed, ["beats-sharegpt4video"]);
});
