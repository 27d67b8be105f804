import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("06-results runs in the real tslab kernel and shows every table, figure and claim", async () => {
  const { nb, outRoot } = await executeForTest("06-results");
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  // The TempCompass table as the paper prints it, and the computed Video-MME deltas.
  assert.match(all, /\+ T3 \(all tasks\)/);
  assert.match(all, /<td[^>]*>\+12\.4<\/td>/, "Video-MME TR delta of T3 is shown as +12.4");
  // Figures are drawn inline: plotly is sent once, then each figure reuses it.
  assert.equal((all.match(/var define, module, exports;/g) ?? []).length, 1);
  assert.equal((all.match(/class="t3kit-figure"/g) ?? []).length, 6, "six inline figures");
  // Every checked claim holds.
  const claims = cellOutputText(cells[cells.length - 2]);
  assert.equal((claims.match(/>yes</g) ?? []).length, 13, "13 claims hold");
  assert.doesNotMatch(claims, />NO</);
  for (const f of ["tempcompass-ablation", "probing", "correlation"]) {
    assert.ok(existsSync(join(outRoot, "figures", `${f}.png`)), `${f}.png written`);
  }
  assert.match(readFileSync(join(outRoot, "html", "06-results.html"), "utf8"), /Probing: where is the temporal information lost/);
});
