/**
 * The probing study: for each aspect, each probe and each seed, train on the black-
 * background features and score on the white ones. Defaults are the released settings
 * (`probing/longva_probing.py`): linear lr 5e-4, batch 800; LSTM lr 5e-5, batch 64, hidden
 * 128, features resized to 128 tokens x 1024 dims; the per-aspect epochs; seeds 12, 22,
 * 32, 42, 52. Each seed draws the initial weights (PyTorch's distributions).
 */
import type { OnProgress } from "../../progress/index";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { loadAspectFeatures } from "../features/load-probe-features";
import { resolveInputFolder } from "../resolve-input-folder";
import { initialProbeWeights } from "./probe-weights";
import { resizeFeatures } from "./resize-features";
import { startTensorflow } from "./tensor-backend";
import { type ProbeKind, trainProbe } from "./train-probe";

export const RELEASED_SEEDS = [12, 22, 32, 42, 52];
export const RELEASED_RESIZE: [number, number] = [128, 1024];
export const RELEASED_HIDDEN = 128;
/** The released scripts' optimiser settings per probe (probing/longva_probing.py). */
export const RELEASED_PROBE_SETTINGS = {
  linear: { learningRate: 5e-4, batchSize: 800 },
  lstm: { learningRate: 5e-5, batchSize: 64 },
};

export interface ProbeResult {
  aspect: string;
  probe: ProbeKind;
  seed: number;
  /** Validation accuracy, 0..1. */
  accuracy: number;
}

export interface StudyOptions {
  /** The features folder, or a `hub:` source naming one. */
  features: string;
  aspects: readonly ProbingAspect[];
  probes: ProbeKind[];
  seeds?: number[];
  /** Epochs for every aspect instead of the released per-aspect numbers. */
  epochs?: number;
  learningRate?: Partial<Record<ProbeKind, number>>;
  batchSize?: Partial<Record<ProbeKind, number>>;
  /** The LSTM's input size; null keeps the features as they are. */
  resize?: [number, number] | null;
  /** A note per trained seed (and TensorFlow.js's start notices, such as a CPU fallback). */
  onProgress?: OnProgress;
}

export async function runProbingStudy(options: StudyOptions): Promise<ProbeResult[]> {
  const seeds = options.seeds ?? RELEASED_SEEDS;
  const resize = options.resize === undefined ? RELEASED_RESIZE : options.resize;
  for (const note of (await startTensorflow()).notices) options.onProgress?.({ note });
  const root = await resolveInputFolder(options.features);
  const results: ProbeResult[] = [];
  for (const aspect of options.aspects) {
    const features = await loadAspectFeatures(root, aspect.name);
    for (const probe of options.probes) {
      let { train, val } = features;
      if (probe === "lstm" && resize) {
        train = await resizeFeatures(train, resize[0], resize[1]);
        val = await resizeFeatures(val, resize[0], resize[1]);
      }
      const settings = {
        probe,
        classes: features.classes.length,
        epochs: options.epochs ?? aspect.epochs[probe],
        learningRate: options.learningRate?.[probe] ?? RELEASED_PROBE_SETTINGS[probe].learningRate,
        batchSize: options.batchSize?.[probe] ?? RELEASED_PROBE_SETTINGS[probe].batchSize,
        hidden: RELEASED_HIDDEN,
      };
      for (const seed of seeds) {
        const inputDim = train.dim;
        const weights = initialProbeWeights(
          probe,
          inputDim,
          RELEASED_HIDDEN,
          settings.classes,
          seed,
        );
        const run = await trainProbe(train, val, settings, weights);
        results.push({ aspect: aspect.name, probe, seed, accuracy: run.accuracy });
        options.onProgress?.({
          note: `${aspect.name} ${probe} seed ${seed}: ${(run.accuracy * 100).toFixed(1)}% (${val.n} val videos, last loss ${run.epochLosses.at(-1)?.toFixed(4)})`,
        });
      }
    }
  }
  return results;
}
