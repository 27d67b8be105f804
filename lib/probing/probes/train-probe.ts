/**
 * Trains one probe as the released `train_probing` does (`probing/longva_probing.py`):
 * a linear layer on the last token, or a one-layer LSTM (hidden 128) whose last output
 * feeds a linear layer; cross-entropy (mean over the batch); Adam (betas 0.9/0.999,
 * epsilon 1e-8 as PyTorch, not TensorFlow's 1e-7); batches in file order with no shuffling
 * (the released `DataLoader(shuffle=False)`); accuracy = argmax on the validation set.
 * The LSTM is PyTorch's: sigmoid gates (TensorFlow.js layers default to hard sigmoid), two
 * bias vectors, zero initial state.
 */
import type * as TF from "@tensorflow/tfjs";
import type { ProbeWeights } from "./probe-weights";
import { tensorflow } from "./tensor-backend";

export type ProbeKind = "linear" | "lstm";

/** `n` samples of `tokens x dim` float32 features, row-major, with integer labels. */
export interface ProbeData {
  x: Float32Array;
  n: number;
  tokens: number;
  dim: number;
  labels: Int32Array;
}

export interface ProbeSettings {
  probe: ProbeKind;
  classes: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  hidden: number;
}

export interface ProbeRun {
  accuracy: number;
  /** The loss of each optimiser step, in order. */
  stepLosses: number[];
  /** The last batch's loss of each epoch (what the released script prints). */
  epochLosses: number[];
  predictions: Int32Array;
}

/** The linear probe's input: the last token of each sample. */
export function lastTokens(data: ProbeData): ProbeData {
  const x = new Float32Array(data.n * data.dim);
  for (let i = 0; i < data.n; i++) {
    const from = (i * data.tokens + data.tokens - 1) * data.dim;
    x.set(data.x.subarray(from, from + data.dim), i * data.dim);
  }
  return { x, n: data.n, tokens: 1, dim: data.dim, labels: data.labels };
}

/** The probe's trainable tensors, in PyTorch's parameter order and layout (transposed for matMul). */
interface ProbeVariables {
  lstm?: { wIh: TF.Variable; wHh: TF.Variable; bIh: TF.Variable; bHh: TF.Variable };
  fcW: TF.Variable;
  fcB: TF.Variable;
}

function probeVariables(
  tf: typeof TF,
  settings: ProbeSettings,
  dim: number,
  weights: ProbeWeights,
): ProbeVariables {
  const c = settings.classes;
  return tf.tidy(() => {
    let lstm: ProbeVariables["lstm"];
    const fcIn = settings.probe === "lstm" ? settings.hidden : dim;
    if (settings.probe === "lstm") {
      const h = settings.hidden;
      const w = weights.lstm;
      if (!w) throw new Error("LSTM probe weights are missing");
      lstm = {
        wIh: tf.variable(tf.tensor2d(w.weightIh, [4 * h, dim]).transpose()),
        wHh: tf.variable(tf.tensor2d(w.weightHh, [4 * h, h]).transpose()),
        bIh: tf.variable(tf.tensor1d(w.biasIh)),
        bHh: tf.variable(tf.tensor1d(w.biasHh)),
      };
    }
    return {
      lstm,
      fcW: tf.variable(tf.tensor2d(weights.fcWeight, [c, fcIn]).transpose()),
      fcB: tf.variable(tf.tensor1d(weights.fcBias)),
    };
  });
}

/**
 * The forward pass. The LSTM is written out (PyTorch's equations, gates i, f, g, o) rather
 * than `tf.layers.lstm`, because PyTorch keeps two bias vectors and Adam moves each of them
 * by its own step: one summed bias trains differently from the second step on.
 */
function logits(tf: typeof TF, v: ProbeVariables, x: TF.Tensor, hidden: number): TF.Tensor {
  if (!v.lstm) return tf.add(tf.matMul(x as TF.Tensor2D, v.fcW), v.fcB);
  const [batch, tokens, dim] = x.shape as [number, number, number];
  const { wIh, wHh, bIh, bHh } = v.lstm;
  const projected = tf
    .add(tf.add(tf.matMul(tf.reshape(x, [batch * tokens, dim]) as TF.Tensor2D, wIh), bIh), bHh)
    .reshape([batch, tokens, 4 * hidden]);
  const steps = tf.unstack(projected, 1);
  let h: TF.Tensor = tf.zeros([batch, hidden]);
  let c: TF.Tensor = tf.zeros([batch, hidden]);
  for (const step of steps) {
    const z = tf.add(step, tf.matMul(h as TF.Tensor2D, wHh));
    const [i, f, g, o] = tf.split(z, 4, 1);
    c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    h = tf.mul(tf.sigmoid(o), tf.tanh(c));
  }
  return tf.add(tf.matMul(h as TF.Tensor2D, v.fcW), v.fcB);
}

function variableList(v: ProbeVariables): TF.Variable[] {
  return v.lstm ? [v.lstm.wIh, v.lstm.wHh, v.lstm.bIh, v.lstm.bHh, v.fcW, v.fcB] : [v.fcW, v.fcB];
}

function inputTensor(
  tf: typeof TF,
  data: ProbeData,
  start: number,
  end: number,
  probe: ProbeKind,
): TF.Tensor {
  const per = data.tokens * data.dim;
  const slice = data.x.subarray(start * per, end * per);
  return probe === "lstm"
    ? tf.tensor3d(slice, [end - start, data.tokens, data.dim])
    : tf.tensor2d(slice, [end - start, data.dim]);
}

export async function trainProbe(
  train: ProbeData,
  val: ProbeData,
  settings: ProbeSettings,
  weights: ProbeWeights,
): Promise<ProbeRun> {
  const tf = await tensorflow();
  const trainIn = settings.probe === "linear" && train.tokens !== 1 ? lastTokens(train) : train;
  const valIn = settings.probe === "linear" && val.tokens !== 1 ? lastTokens(val) : val;
  const variables = probeVariables(tf, settings, trainIn.dim, weights);
  const forward = (x: TF.Tensor) => logits(tf, variables, x, settings.hidden);
  const optimizer = tf.train.adam(settings.learningRate, 0.9, 0.999, 1e-8);
  const stepLosses: number[] = [];
  const epochLosses: number[] = [];
  const batches: [TF.Tensor, TF.Tensor][] = [];
  for (let start = 0; start < trainIn.n; start += settings.batchSize) {
    const end = Math.min(trainIn.n, start + settings.batchSize);
    const labels = tf.tensor1d(trainIn.labels.subarray(start, end), "int32");
    batches.push([
      inputTensor(tf, trainIn, start, end, settings.probe),
      tf.oneHot(labels, settings.classes),
    ]);
    labels.dispose();
  }
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      for (const [x, y] of batches) {
        const cost = optimizer.minimize(
          () => tf.losses.softmaxCrossEntropy(y, forward(x)) as TF.Scalar,
          true,
          variableList(variables),
        );
        stepLosses.push((await cost!.data())[0]);
        cost!.dispose();
      }
      epochLosses.push(stepLosses[stepLosses.length - 1]);
    }
    const predictions = tf.tidy(() => {
      const x = inputTensor(tf, valIn, 0, valIn.n, settings.probe);
      return forward(x).argMax(-1);
    });
    const predicted = new Int32Array(await predictions.data());
    predictions.dispose();
    let correct = 0;
    predicted.forEach((p, i) => {
      if (p === valIn.labels[i]) correct++;
    });
    return {
      accuracy: valIn.n ? correct / valIn.n : 0,
      stepLosses,
      epochLosses,
      predictions: predicted,
    };
  } finally {
    for (const [x, y] of batches) tf.dispose([x, y]);
    optimizer.dispose();
    tf.dispose(variableList(variables));
  }
}
