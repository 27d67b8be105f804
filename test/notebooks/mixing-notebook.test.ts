import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("03-data-mixing runs in the real tslab kernel: recipe, ablation table, sweep, token shares, figures", async () => {
  const { nb, outRoot } = await executeForTest("03-data-mixing");
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(all, /Data: embedded default/);
  // The 12 reference outputs, the Python-layout demo and the ablation rows with scores.
  assert.equal((all.match(/_per100000_total\d+_lRatio2\.json/g) ?? []).length >= 12, true);
  assert.match(all, /"score": 100000\.0/);
  assert.match(all, /"text": "caf\\u00e9 \\ud83d\\ude00"/);
  assert.match(all, /\+ Temporal Change \(8x\)/);
  // The embedded sample is synthesised by the kit, grounding file included, so every row runs.
  assert.doesNotMatch(all, /not runnable/);
  assert.match(all, /Title: .*\nContent: /);
  assert.equal(readdirSync(join(outRoot, "mixes", "reference")).length, 6);
  assert.equal(readdirSync(join(outRoot, "mixes")).filter((f) => f.startsWith("sweep-embedded-demo") && f.endsWith("0.5.json")).length, 3);
  // Section 7: the same sources as shares of records and of tokens (token-budget-demo).
  const shares = cellOutputText(cells[cells.length - 1]);
  assert.match(shares, /records %/);
  assert.match(shares, /tokens %/);
  assert.match(shares, /proportion: 0\.5 of 12000 tokens/);
  for (const f of ["mixing-tempcompass-compositions", "mixing-sweep", "mixing-token-shares"]) {
    assert.ok(existsSync(join(outRoot, "figures", `${f}.png`)), `${f}.png written`);
  }
  assert.match(readFileSync(join(outRoot, "tables", "mixing-tempcompass-ablation.csv"), "utf8"), /Temporal Referring/);
});
