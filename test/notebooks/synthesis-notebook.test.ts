import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellSource } from "../../lib/notebooks/index";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("02-t3-synthesis runs in the real tslab kernel: examples, counts, checks, figures", async () => {
  const { nb, outRoot } = await executeForTest("02-t3-synthesis");
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(all, /Data: embedded default in data\/captions\//);
  // One rendered example per family, with the right option marked.
  for (const task of ["order", "order_shuffle_sentence", "attribute", "refer_begin_end_temp2any", "grounding"]) {
    assert.match(all, new RegExp(`class="t3kit-example"[^]*?· ${task} · 1x`), task);
  }
  assert.ok((all.match(/✓/g) ?? []).length >= 9, "right options marked");
  // Counts table and the verification table: every file fully verified.
  assert.match(all, /temp_qa_attribute_train_long_8x_15k\.json/);
  const verification = cellOutputText(
    cells.find((c) => cellSource(c).startsWith("t3.showTable(t3.toDataFrame(t3.verifySynthesisFolder"))!,
  );
  const rows = [...verification.matchAll(/<tr>\s*<td[^>]*>([^<]+)<\/td>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>(\d+)<\/td>/g)];
  assert.equal(rows.length, 32, "32 files verified");
  for (const r of rows) assert.equal(r[2], r[3], `${r[1]}: all items verified`);
  assert.match(all, /ok: false[^]*the captions support/);
  assert.equal((all.match(/class="t3kit-figure"/g) ?? []).length, 2, "two inline figures");
  for (const f of ["synthesis-answer-letters", "synthesis-word-lengths"]) {
    assert.ok(existsSync(join(outRoot, "figures", `${f}.png`)), `${f}.png written`);
  }
  assert.ok(readdirSync(join(outRoot, "synthesis")).includes("temp_qa_order_shuffle_sentence_train.json"));
});
