import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("07-evaluation runs in the real tslab kernel: examples ingested, compared, intervals, correlation, exports", async () => {
  const { nb, outRoot } = await executeForTest("07-evaluation", { T3KIT_EVAL_ENDPOINT: "" });
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(cellOutputText(cells[0]), /data\/evaluation\//);
  assert.match(all, /example LongVA-7B \+ T3: \d+ values, per-question results for (?=[^\n]*videomme)(?=[^\n]*mlvu)(?=[^\n]*tempcompass)/);
  assert.match(all, /example spreadsheet: 7 values, per-question results for nothing \(aggregates only\)/);
  // The spreadsheet holds the paper's T3 TempCompass row: its deltas are the paper's own.
  assert.match(all, /<td[^>]*>\+16\.4<\/td>/);
  assert.match(all, /no interval: run example spreadsheet has only aggregate numbers/);
  assert.match(all, /T3KIT_EVAL_ENDPOINT is not set: live textual accuracy skipped/);
  assert.equal((all.match(/class="t3kit-figure"/g) ?? []).length, 5, "three comparisons, differences, correlation");
  for (const f of ["evaluation-compare-videomme", "evaluation-differences", "evaluation-correlation"]) {
    assert.ok(existsSync(join(outRoot, "figures", `${f}.png`)), `${f}.png written`);
  }
  const manifest = JSON.parse(readFileSync(join(outRoot, "evaluation", "manifest.json"), "utf8"));
  assert.deepEqual(
    manifest.runs.map((r: { run: string }) => r.run),
    ["example LongVA-7B", "example LongVA-7B + T3", "example spreadsheet"],
  );
  const corr = readFileSync(join(outRoot, "tables", "evaluation-correlation.csv"), "utf8");
  assert.match(corr, /^benchmark,n,r,p,paper r,paper p\nTempCompass,7,0\.87\d*,9\.24e-3,0\.89,1\.16e-4\n/);
});
