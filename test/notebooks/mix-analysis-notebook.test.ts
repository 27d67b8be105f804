import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("08-mix-analysis runs in the real tslab kernel: composition, diff, the caption-split finding, no leak", async () => {
  const { nb, outRoot } = await executeForTest("08-mix-analysis");
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  // The reference recipe's LLaVA file and its all-T3 file: 120 + 210 records.
  assert.match(all, /330 records in 2 file\(s\)/);
  assert.match(all, /t3:refer_begin_end_temp2any\s+30\b/);
  // lRatio 0.5 → 2 at 30 per T3 file: T3 kept, LLaVA added, no record removed.
  assert.match(all, /90 added, 0 removed, 90 kept/);
  assert.match(all, /caption texts in both splits: [1-9]\d* by position alone, 0 with the kit's split/);
  assert.match(all, /contamination: 0 flag\(s\) against 20 item\(s\)/);
  assert.ok(existsSync(join(outRoot, "figures", "mix-analysis-shares.png")));
});
