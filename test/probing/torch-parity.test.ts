/**
 * The kit's probes against PyTorch: the released architectures trained from the same
 * initial weights on the same batches must give the same loss at every step and the same
 * validation predictions. The reference numbers were made by torch_probe_reference.py
 * (beside this file) with Debian's python3-torch (1.13, a Makefile dependency) and are stored
 * in fixtures/; the script is also run live and must reproduce them (without python3-torch
 * that test fails: it is the oracle, not an option).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  type ProbeData,
  type ProbeWeights,
  resizeFeatures,
  trainProbe,
} from "../../lib/probing/index";
import { DEBIAN_PYTHON, requireTorch } from "../oracle/debian-python";

const SCRIPT = join(__dirname, "torch_probe_reference.py");
const FIXTURE = join(__dirname, "fixtures", "torch-probe-reference.json");

interface Run {
  lr: number;
  batchSize: number;
  epochs: number;
  init: Record<string, string>;
  losses: number[];
  predictions: number[];
  accuracy: number;
}
interface Reference {
  classes: number;
  tokens: number;
  dim: number;
  train: { x: string; labels: number[] };
  val: { x: string; labels: number[] };
  lstm: Run;
  linear: Run;
  interpolate: {
    input: string;
    shape: [number, number, number];
    outputs: Record<string, string>;
  };
}

/** A base64 string of little-endian float32 bytes, as the reference script writes arrays. */
function float32s(base64: string): Float32Array {
  const bytes = Buffer.from(base64, "base64");
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

const reference = JSON.parse(readFileSync(FIXTURE, "utf8")) as Reference;

function data(ref: Reference, split: "train" | "val"): ProbeData {
  const labels = Int32Array.from(ref[split].labels);
  return {
    x: float32s(ref[split].x),
    n: labels.length,
    tokens: ref.tokens,
    dim: ref.dim,
    labels,
  };
}

function weights(init: Record<string, string>): ProbeWeights {
  const f = (k: string) => float32s(init[k]);
  return {
    lstm: init.weightIh
      ? {
          weightIh: f("weightIh"),
          weightHh: f("weightHh"),
          biasIh: f("biasIh"),
          biasHh: f("biasHh"),
        }
      : undefined,
    fcWeight: f("fcWeight"),
    fcBias: f("fcBias"),
  };
}

function assertClose(actual: number[], expected: number[], tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const worst = actual.reduce((m, a, i) => Math.max(m, Math.abs(a - expected[i])), 0);
  assert.ok(worst <= tolerance, `${what}: largest difference ${worst} > ${tolerance}`);
}

for (const probe of ["lstm", "linear"] as const) {
  test(`${probe} probe: same step losses and predictions as PyTorch`, async () => {
    const run = reference[probe];
    const result = await trainProbe(
      data(reference, "train"),
      data(reference, "val"),
      {
        probe,
        classes: reference.classes,
        epochs: run.epochs,
        learningRate: run.lr,
        batchSize: run.batchSize,
        hidden: 128,
      },
      weights(run.init),
    );
    assertClose(result.stepLosses, run.losses, 2e-4, `${probe} losses`);
    assert.deepEqual([...result.predictions], run.predictions);
    assert.equal(result.accuracy, run.accuracy);
  });
}

test("bilinear resizing matches F.interpolate(mode='bilinear')", async () => {
  const { input, shape, outputs } = reference.interpolate;
  const [n, tokens, dim] = shape;
  const source = { x: float32s(input), n, tokens, dim, labels: new Int32Array(n) };
  for (const [size, expected] of Object.entries(outputs)) {
    const [t, d] = size.split("x").map(Number);
    const resized = await resizeFeatures(source, t, d);
    assertClose([...resized.x], [...float32s(expected)], 1e-5, `resize to ${size}`);
  }
});

test("the stored reference is what PyTorch computes (live, Debian's python3-torch)", () => {
  requireTorch();
  const live = JSON.parse(
    execFileSync(DEBIAN_PYTHON, [SCRIPT], { encoding: "utf8", maxBuffer: 1 << 26 }),
  ) as Reference;
  assert.deepEqual(live.train, reference.train);
  assert.deepEqual(live.lstm.init, reference.lstm.init);
  assertClose(live.lstm.losses, reference.lstm.losses, 1e-5, "live lstm losses");
  assertClose(live.linear.losses, reference.linear.losses, 1e-5, "live linear losses");
  assert.deepEqual(live.lstm.predictions, reference.lstm.predictions);
  assert.deepEqual(live.linear.predictions, reference.linear.predictions);
});
