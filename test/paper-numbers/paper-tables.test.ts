import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  cellValue,
  deltasToBaseline,
  loadPaperTable,
  loadPaperTables,
  paperDir,
} from "../../lib/paper-numbers/index";

test("every shipped table validates, with the row counts of the paper", () => {
  const tables = loadPaperTables();
  const rows = Object.fromEntries([...tables].map(([id, t]) => [id, t.rows.length]));
  assert.deepEqual(rows, {
    correlation: 3,
    "correlation-points": 12,
    "figure6a-tuned-parts": 3,
    "figure6b-frame-gain": 5,
    mlvu: 11,
    "probing-longva": 4,
    "probing-vila": 4,
    tempcompass: 21,
    videomme: 10,
  });
  // Spot values typed from the paper's Tables 2-4, to catch a shifted column.
  assert.equal(cellValue(tables.get("tempcompass")!, "+ Temporal Grounding", "action"), 63.0);
  assert.equal(cellValue(tables.get("mlvu")!, "Llama-3-VILA1.5-8B", "ao"), 6.6);
  assert.equal(cellValue(tables.get("probing-vila")!, "Order", "llama3_8b"), 80.8);
  assert.equal(cellValue(tables.get("videomme")!, "Video-LLaVA-7B", "temporal_perception"), null);
});

test("a wrong type or a missing field names the file, the row and the field", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-paper-"));
  const raw = JSON.parse(readFileSync(join(paperDir(), "videomme.json"), "utf8"));
  raw.rows[3].values[1] = "40.7";
  const bad = join(dir, "videomme.json");
  writeFileSync(bad, JSON.stringify(raw));
  assert.throws(
    () => loadPaperTable(bad),
    (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(
        e.message,
        `${bad}, record 3, field values[1] (temporal_reasoning): expected a number or null, got "40.7"`,
      );
      return true;
    },
  );
  delete raw.rows[3].values;
  writeFileSync(bad, JSON.stringify(raw));
  assert.throws(() => loadPaperTable(bad), /record 3, field values: expected a list of numbers/);
  raw.rows[3].values = [1, 2];
  writeFileSync(bad, JSON.stringify(raw));
  assert.throws(
    () => loadPaperTable(bad),
    /record 3, field values: expected 6 values \(one per column\), got 2/,
  );
});

test("deltas to the baseline are computed from the reported numbers", () => {
  const tc = loadPaperTable("tempcompass");
  const t3 = deltasToBaseline(tc).find((d) => d.label === "+ T3 (all tasks)")!;
  // The paper's TempCompass ablation table, T3 (all tasks) minus LongVA-7B: Action -1.5, Direction +2.4, Speed -0.4, Order +11.6, Attr +16.4, Avg +5.3.
  assert.deepEqual(t3.deltas, [-1.5, 2.4, -0.4, 11.6, 16.4, 5.3]);
  const mlvu = deltasToBaseline(loadPaperTable("mlvu")).find((d) => d.label.startsWith("+ T3"))!;
  assert.deepEqual(mlvu.deltas, [3.9, 0.3, 1.7, 12.7, 1.3, -7.5, -0.8, 1.7]);
});
