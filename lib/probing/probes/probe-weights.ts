/**
 * A probe's weights in PyTorch's layout (`nn.LSTM`'s `weight_ih_l0 [4H, D]`,
 * `weight_hh_l0 [4H, H]`, `bias_ih_l0`, `bias_hh_l0`, gates in the order i, f, g, o;
 * `nn.Linear`'s `weight [C, in]`, `bias [C]`), and PyTorch's default initialisation drawn
 * from a seeded generator: every LSTM tensor U(-1/sqrt(H), 1/sqrt(H)); a Linear layer's
 * weight and bias U(-1/sqrt(in), 1/sqrt(in)) (`kaiming_uniform_(a=sqrt(5))` reduces to
 * that bound). The same distributions as PyTorch, not the same numbers: torch's generator
 * is not reproduced, so parity tests give both sides the same stored weights.
 */
import { PythonRandom } from "../../pyrandom/index";

export interface LstmWeights {
  weightIh: Float32Array;
  weightHh: Float32Array;
  biasIh: Float32Array;
  biasHh: Float32Array;
}

export interface ProbeWeights {
  lstm?: LstmWeights;
  fcWeight: Float32Array;
  fcBias: Float32Array;
}

function uniformArray(rng: PythonRandom, length: number, bound: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = (rng.random() * 2 - 1) * bound;
  return out;
}

export function initialProbeWeights(
  probe: "linear" | "lstm",
  inputDim: number,
  hidden: number,
  classes: number,
  seed: number,
): ProbeWeights {
  const rng = new PythonRandom(seed);
  const fcIn = probe === "lstm" ? hidden : inputDim;
  const lstm =
    probe === "lstm"
      ? {
          weightIh: uniformArray(rng, 4 * hidden * inputDim, 1 / Math.sqrt(hidden)),
          weightHh: uniformArray(rng, 4 * hidden * hidden, 1 / Math.sqrt(hidden)),
          biasIh: uniformArray(rng, 4 * hidden, 1 / Math.sqrt(hidden)),
          biasHh: uniformArray(rng, 4 * hidden, 1 / Math.sqrt(hidden)),
        }
      : undefined;
  return {
    lstm,
    fcWeight: uniformArray(rng, classes * fcIn, 1 / Math.sqrt(fcIn)),
    fcBias: uniformArray(rng, classes, 1 / Math.sqrt(fcIn)),
  };
}
