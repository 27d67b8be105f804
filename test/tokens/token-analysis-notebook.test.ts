import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellOutputText, cleanCodeCells, executeForTest } from "../notebooks/run-notebook-fixture";

test("04-token-analysis runs in the real tslab kernel and shows every table and figure", async () => {
  const { nb, outRoot } = await executeForTest("04-token-analysis");
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(cellOutputText(cells[0]), /Data: embedded default in data\/llava\/, data\/t3\//);
  // The worked example: 640x480 → 576 LongVA tokens, 393 Qwen2-VL tokens.
  assert.match(all, /<td[^>]*>576<\/td>/);
  assert.match(all, /<td[^>]*>393<\/td>/);
  // Every family and length of the T3 sample, each preset, each tokenizer.
  for (const s of [
    "attribute",
    "order_template",
    "referring",
    "8x",
    "qwen2vl-72b",
    "cl100k",
    "o200k",
  ]) {
    assert.ok(all.includes(s), `${s} shown`);
  }
  assert.equal((all.match(/class="t3kit-figure"/g) ?? []).length, 4, "four inline figures");
  assert.ok(existsSync(join(outRoot, "figures", "04-token-share.png")));
  const csv = readFileSync(join(outRoot, "tables", "04-t3-family-length.csv"), "utf8");
  assert.match(csv, /^family,length,records,p50,p90,p99,max/);
});
