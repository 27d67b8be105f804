// Every kind of claim must be able to fail, as beats-sharegpt4video is shown to: a planted
// bug in the "best" or "value" check once passed unnoticed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkClaims, loadPaperTables } from "../../lib/paper-numbers/index";
import type { PaperTable } from "../../lib/paper-numbers/index";

const tables = loadPaperTables();

function failingWith(id: string, row: string, column: string, value: number): string[] {
  const t = structuredClone(tables.get(id)!) as PaperTable;
  const c = t.columns.findIndex((x) => x.key === column);
  assert.ok(c >= 0, column);
  const r = t.rows.find((x) => x.label === row);
  assert.ok(r, row);
  r.values[c] = value;
  return checkClaims(new Map(tables).set(id, t))
    .filter((x) => !x.holds)
    .map((x) => x.id);
}

test("all claims hold on the paper's tables", () => {
  assert.deepEqual(
    checkClaims(tables)
      .filter((x) => !x.holds)
      .map((x) => x.id),
    [],
  );
});

test('"value": 49.7 stated, 49.6 in the table fails it', () => {
  const failed = failingWith("videomme", "+ T3 w/ LLaVA-Next (Ours)", "temporal_reasoning", 49.6);
  assert.ok(failed.includes("videomme-tr-score"), failed.join());
});

test('"best": another model above ours fails it; GPT-4o (excepted) above us does not', () => {
  assert.deepEqual(failingWith("mlvu", "VILA1.5-40B", "macro_avg", 99), ["mlvu-best-overall"]);
  assert.deepEqual(failingWith("mlvu", "GPT-4o", "macro_avg", 99.9), []);
  // Just above ours is enough.
  const ours = tables.get("mlvu")!;
  const c = ours.columns.findIndex((x) => x.key === "macro_avg");
  const v = ours.rows.find((r) => r.label === "+ T3 w/ LLaVA-Next (Ours)")!.values[c] as number;
  assert.ok(
    failingWith("mlvu", "InternVL-Chat-V1.5-20B", "macro_avg", v + 0.1).includes(
      "mlvu-best-overall",
    ),
  );
});

test('"beats": a competitor at or above ours fails it', () => {
  const failed = failingWith("videomme", "InternVL-Chat-V1.5-20B", "temporal_reasoning", 60);
  assert.deepEqual(failed, ["videomme-tr-beats-internvl"]);
});

/** The claims that fail with several cells of `id`'s `column` set: [row, value] pairs. */
function failingWithCells(id: string, column: string, cells: [string, number][]): string[] {
  const t = structuredClone(tables.get(id)!) as PaperTable;
  const c = t.columns.findIndex((x) => x.key === column);
  for (const [row, value] of cells) t.rows.find((x) => x.label === row)!.values[c] = value;
  return checkClaims(new Map(tables).set(id, t))
    .filter((x) => !x.holds)
    .map((x) => x.id);
}

test('"mostly-above" on exact ties: a value equal to the threshold is not above it, and half is not most', () => {
  // The LSTM probe's 8 values (LongVA and VILA tables): 7 above 90 as printed.
  const atNinety = (rows: string[]) => rows.map((r): [string, number] => [r, 90]);
  // LongVA: 88.9 and three values of exactly 90: 4 of 8 above, half, not most.
  assert.deepEqual(
    failingWithCells("probing-longva", "lstm_probe", atNinety(["Referring", "Grounding", "Order"])),
    ["probe-above-90"],
  );
  // 5 of 8 above (two at exactly 90) is most.
  assert.deepEqual(
    failingWithCells("probing-longva", "lstm_probe", atNinety(["Referring", "Grounding"])),
    [],
  );
  // Just above the threshold counts.
  assert.deepEqual(
    failingWithCells("probing-longva", "lstm_probe", [
      ["Referring", 90.1],
      ["Grounding", 90.1],
      ["Order", 90],
    ]),
    [],
  );
});
