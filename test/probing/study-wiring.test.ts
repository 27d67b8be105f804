/**
 * The study trains on the training videos and measures on the validation videos, and each
 * seed starts from its own weights. Planted bugs (`trainProbe(train, train, …)`, every
 * seed from the first seed's weights) went unnoticed before. The features are built so the
 * answers are known without the kit: validation classes are the training classes swapped,
 * so a probe that learned the training set scores 0 on validation (and 1 on training).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { npyBytes, probingAspect, runProbingStudy } from "../../lib/probing/index";

/** Class `k`'s feature: 8 tokens of dim 4, the signal in column k (±0.1 noise by index). */
function feature(k: number, i: number): Float32Array {
  const v = new Float32Array(8 * 4);
  for (let t = 0; t < 8; t++)
    for (let d = 0; d < 4; d++)
      v[t * 4 + d] = (d === k ? 5 : 0) + (((i * 7 + t * 3 + d) % 5) - 2) / 20;
  return v;
}

function writeClass(root: string, split: string, cls: string, k: number, n: number): void {
  const dir = join(root, "order", split, cls);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++)
    writeFileSync(join(dir, `v${i}.npy`), npyBytes([8, 4], feature(k, i)));
}

test("accuracy is measured on the validation videos, not the training ones", async () => {
  const root = mkdtempSync(join(tmpdir(), "t3kit-study-"));
  try {
    // Classes sort as a_first, b_second; validation has them swapped.
    writeClass(root, "train", "a_first", 0, 6);
    writeClass(root, "train", "b_second", 1, 6);
    writeClass(root, "val", "a_first", 1, 3);
    writeClass(root, "val", "b_second", 0, 3);
    const results = await runProbingStudy({
      features: root,
      aspects: [probingAspect("order")],
      probes: ["linear"],
      seeds: [12, 22],
      epochs: 300,
      learningRate: { linear: 0.05 },
    });
    assert.deepEqual(
      results.map((r) => [r.seed, r.accuracy]),
      [
        [12, 0],
        [22, 0],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("each seed starts from its own weights: untrained accuracies differ between seeds", async () => {
  const root = mkdtempSync(join(tmpdir(), "t3kit-study-seeds-"));
  try {
    // Noise only: what a probe scores after one step of lr 1e-12 is its initial weights'.
    for (const [split, n] of [
      ["train", 2],
      ["val", 40],
    ] as const) {
      for (const [k, cls] of ["a", "b", "c"].entries()) {
        const dir = join(root, "order", split, cls);
        mkdirSync(dir, { recursive: true });
        for (let i = 0; i < n; i++) {
          const v = Float32Array.from({ length: 32 }, (_, j) => Math.sin(i * 31 + j * 7 + k * 101));
          writeFileSync(join(dir, `v${i}.npy`), npyBytes([8, 4], v));
        }
      }
    }
    const results = await runProbingStudy({
      features: root,
      aspects: [probingAspect("order")],
      probes: ["linear"],
      epochs: 1,
      learningRate: { linear: 1e-12 },
    });
    assert.deepEqual(
      results.map((r) => r.seed),
      [12, 22, 32, 42, 52],
    );
    const accuracies = new Set(results.map((r) => r.accuracy));
    assert.ok(accuracies.size >= 3, `seeds gave ${[...results.map((r) => r.accuracy)]}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
