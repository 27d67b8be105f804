import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("01-probing runs in the real tslab kernel at the tiny size and writes its table, figure and manifest", async () => {
  const { nb, outRoot } = await executeForTest("01-probing", { T3KIT_PROBE_STUDY: "tiny", T3KIT_PROBE_ENDPOINT: "" });
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(all, /Data: probing videos drawn by the kit/);
  assert.match(all, /features \[8,120\] per video \(tokens x dims\), MobileNetV3-Large 0.75/);
  // Contact sheets are shown as images.
  const pngs = cells.flatMap((c) => (c.outputs ?? []) as { data?: Record<string, unknown> }[]).filter((o) => o.data?.["image/png"]);
  assert.equal(pngs.length, 4, "four contact sheets");
  assert.match(all, /skipped: set T3KIT_PROBE_ENDPOINT/);
  const table = readFileSync(join(outRoot, "tables", "probing-results.csv"), "utf8");
  for (const group of ["Order", "Attribute", "Referring", "Grounding"]) assert.match(table, new RegExp(`^${group},group,(linear|lstm),1,`, "m"));
  assert.ok(existsSync(join(outRoot, "figures", "probing-comparison.png")));
  const manifest = JSON.parse(readFileSync(join(outRoot, "probing", "manifest.json"), "utf8"));
  assert.equal(manifest.results.length, 20, "10 aspects x 2 probes x 1 seed");
  assert.equal(manifest.modelServer, "skipped");
  // The features are the pretrained MobileNetV3's, and the figure's bars say so.
  assert.equal(manifest.features.encoder, "mobilenetv3");
  assert.equal(manifest.features.weightsSha256, "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef");
  const figureHtml = readFileSync(join(outRoot, "figures", "probing-comparison.html"), "utf8");
  assert.match(figureHtml, /ours: LSTM probe \(MobileNetV3 features\)/);
  assert.match(figureHtml, /ours: linear probe \(MobileNetV3 features\)/);
});
