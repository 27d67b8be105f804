import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { dataDir } from "../../lib/paths/index";
import { countFileTokens } from "../../lib/token-counting/index";
import {
  NotALlamaFactoryRun,
  checkFit,
  describeFit,
  estimateModelStateMemory,
  planTraining,
  validateTrainingSpec,
} from "../../lib/training/index";

const GIB = 1024 ** 3;

test("model-state memory per GPU follows the ZeRO accounting (numbers worked by hand)", () => {
  // ZeRO-3, full, 7e9 parameters, 8 GPUs: 16 bytes x 7e9 / 8 = 14e9 bytes.
  assert.equal(
    estimateModelStateMemory({ parameters: 7e9, gpus: 8, zeroStage: 3, method: "full" })
      .bytesPerGpu,
    14e9,
  );
  // ZeRO-2: 2 x 7e9 + 14 x 7e9 / 8 = 14e9 + 12.25e9.
  assert.equal(
    estimateModelStateMemory({ parameters: 7e9, gpus: 8, zeroStage: 2, method: "full" })
      .bytesPerGpu,
    26.25e9,
  );
  // LoRA under ZeRO-3, 72e9 frozen + 0.105e9 trainable on 8 GPUs: 2 x 72e9 / 8 + 16 x 0.105e9 / 8.
  const lora = estimateModelStateMemory({
    parameters: 72e9,
    gpus: 8,
    zeroStage: 3,
    method: "lora",
    trainable: 0.105e9,
  });
  assert.equal(lora.bytesPerGpu, 18e9 + 0.21e9);
  assert.equal(lora.gibPerGpu, (18e9 + 0.21e9) / GIB);
  assert.equal(lora.formula, "2Ψ/N + 16Ψ_L/N");
});

test("the fit check counts, per source, the records over the run's limit (tokens stage counts)", async () => {
  const data = join(dataDir, "llava", "llava-sample.json");
  const spec = validateTrainingSpec(
    { preset: "qwen2-vl-7b-t3", hyperparameters: { cutoff_len: 700 }, data: { path: data } },
    "s.yaml",
  );
  const plan = planTraining(spec, { runDir: "/tmp/unused" });
  const fit = await checkFit(plan, { workers: 0 });
  const expected = new Map<string, { records: number; over: number }>();
  for await (const row of countFileTokens(data, {
    template: "qwen2vl",
    // The run's LLaMA-Factory v0.9.1 limits (mm_plugin.py defaults; the config sets none).
    visual: {
      vision: "qwen2vl",
      missingImages: "default",
      llamaFactory: {
        version: "0.9.1",
        imageMaxPixels: 512 * 512,
        imageMinPixels: 0,
        videoMaxPixels: 128 * 128,
        videoMinPixels: 0,
        videoFps: 2,
        videoMaxlen: 64,
      },
    },
    workers: 0,
  })) {
    const e = expected.get(row.source) ?? { records: 0, over: 0 };
    e.records++;
    if (row.total_tokens > 700) e.over++;
    expected.set(row.source, e);
  }
  assert.deepEqual(
    fit.sources.map((s) => [s.source, s.records, s.over]),
    [...expected.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, v.records, v.over]),
  );
  assert.ok(fit.over > 0 && fit.over < fit.records, `some but not all over: ${fit.over}`);
  assert.equal(fit.overLimit, "cut");
  assert.equal(fit.records, 120);
  assert.equal(fit.stepsPerEpoch, Math.ceil(120 / 64)); // no dataloader_drop_last in LLaMA-Factory's config
  const longva = planTraining(
    validateTrainingSpec({ preset: "longva-7b-t3", data: { path: data } }, "s.yaml"),
    { runDir: "/tmp/unused" },
  );
  const lf = await checkFit(longva, { workers: 0 });
  assert.equal(lf.stepsPerEpoch, Math.floor(120 / 64)); // LongVA: --dataloader_drop_last True
  const swift = planTraining(
    validateTrainingSpec(
      { preset: "qwen2-vl-72b-t3", hyperparameters: { max_length: 700 }, data: { path: data } },
      "s.yaml",
    ),
    { runDir: "/tmp/unused" },
  );
  const sf = await checkFit(swift, { workers: 0 });
  assert.equal(sf.overLimit, "dropped");
  assert.equal(sf.steps, 1000); // max_steps
});

test("the fit check counts as a chosen LLaMA-Factory tag does (v0.9.2's limits); another codebase's run refuses a tag", async () => {
  const data = join(dataDir, "llava", "llava-sample.json");
  const plan = planTraining(
    validateTrainingSpec(
      { preset: "qwen2-vl-7b-t3", hyperparameters: { cutoff_len: 700 }, data: { path: data } },
      "s.yaml",
    ),
    { runDir: "/tmp/unused" },
  );
  const released = await checkFit(plan, { workers: 0 });
  assert.equal(released.llamaFactoryVersion, "0.9.1");
  const fit = await checkFit(plan, { workers: 0, llamaFactoryVersion: "0.9.2" });
  assert.equal(fit.llamaFactoryVersion, "0.9.2");
  let over = 0;
  for await (const row of countFileTokens(data, {
    template: "qwen2vl",
    // v0.9.2's defaults (mm_plugin.py L1097-1108), written out here.
    visual: {
      vision: "qwen2vl",
      missingImages: "default",
      llamaFactory: {
        version: "0.9.2",
        imageMaxPixels: 768 * 768,
        imageMinPixels: 32 * 32,
        videoMaxPixels: 256 * 256,
        videoMinPixels: 16 * 16,
        videoFps: 2,
        videoMaxlen: 128,
      },
    },
    workers: 0,
  })) {
    if (row.total_tokens > 700) over++;
  }
  assert.equal(fit.over, over);
  // The sample's images count at 640x480: 338 tokens under v0.9.1's cap, 393 under v0.9.2's.
  assert.ok(fit.meanTokens > released.meanTokens, `${fit.meanTokens} > ${released.meanTokens}`);
  assert.match(describeFit(fit), /images and videos as LLaMA-Factory v0\.9\.2 sizes them/);
  const longva = planTraining(
    validateTrainingSpec({ preset: "longva-7b-t3", data: { path: data } }, "s.yaml"),
    { runDir: "/tmp/unused" },
  );
  await assert.rejects(
    checkFit(longva, { workers: 0, llamaFactoryVersion: "0.9.2" }),
    (e: Error) =>
      e instanceof NotALlamaFactoryRun && /longva-7b-t3 is a longva run/.test(e.message),
  );
});
