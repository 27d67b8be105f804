/**
 * Every released default of the probes, from the released scripts (probing/longva_probing.py
 * of llyx97/video-t3, as the paper's appendix states them): linear probe Adam lr 5e-4,
 * batch 800, epochs 100 for order and 200 for the rest; LSTM probe hidden 128, Adam lr
 * 5e-5, batch 64, input resized to 128 tokens × 1024 dims, epochs 15 for order, 120 for
 * order_3, referring_* and grounding_*, 80 for blooming and brightness; seeds 12, 22, 32,
 * 42, 52. A planted 5e-5 → 5e-4 went unnoticed before.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  PROBING_ASPECTS,
  RELEASED_HIDDEN,
  RELEASED_PROBE_SETTINGS,
  RELEASED_RESIZE,
  RELEASED_SEEDS,
} from "../../lib/probing/index";

test("optimiser, batch, hidden size, resize and seeds are the released ones", () => {
  assert.deepEqual(RELEASED_PROBE_SETTINGS, {
    linear: { learningRate: 5e-4, batchSize: 800 },
    lstm: { learningRate: 5e-5, batchSize: 64 },
  });
  assert.equal(RELEASED_HIDDEN, 128);
  assert.deepEqual(RELEASED_RESIZE, [128, 1024]);
  assert.deepEqual(RELEASED_SEEDS, [12, 22, 32, 42, 52]);
});

test("every aspect's epochs are the released ones", () => {
  const lstmEpochs = (name: string) =>
    name === "order" ? 15 : name === "blooming" || name === "brightness" ? 80 : 120;
  assert.ok(PROBING_ASPECTS.length >= 8, "all aspects");
  for (const aspect of PROBING_ASPECTS) {
    assert.deepEqual(
      aspect.epochs,
      { linear: aspect.name === "order" ? 100 : 200, lstm: lstmEpochs(aspect.name) },
      aspect.name,
    );
  }
  assert.ok(PROBING_ASPECTS.some((a) => a.name.startsWith("referring_")));
  assert.ok(PROBING_ASPECTS.some((a) => a.name.startsWith("grounding_")));
});
