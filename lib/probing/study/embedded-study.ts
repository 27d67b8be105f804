/**
 * The embedded probing study: what the notebook and `npm run bench:probe` run on the kit's
 * own videos with no GPU. The released settings assume many videos and paper-sized
 * features; on a few drawn videos per class and 40 x 32 stand-in features they would barely
 * move the weights, so two settings differ and say so: the learning rates (linear 5e-2
 * instead of 5e-4; LSTM 1e-2 instead of 5e-5, 30 epochs instead of 15-120) and the LSTM
 * input (resized to 8 x 32, one token per frame, instead of 128 x 1024). Everything else
 * is as released: architectures, Adam, batches, cross-entropy, linear epochs, seeds.
 */
import { RELEASED_SEEDS } from "../probes/run-probing-study";

export interface EmbeddedStudySettings {
  perClass: number;
  videoSeed: number;
  linear: { seeds: number[]; learningRate: number };
  lstm: { seeds: number[]; learningRate: number; epochs: number; resize: [number, number] };
}

/** The full embedded study (the benchmark). */
export const EMBEDDED_STUDY: EmbeddedStudySettings = {
  perClass: 4,
  videoSeed: 42,
  linear: { seeds: RELEASED_SEEDS, learningRate: 5e-2 },
  lstm: { seeds: RELEASED_SEEDS, learningRate: 1e-2, epochs: 30, resize: [8, 32] },
};

/** What `make run` runs: fewer videos and one LSTM seed, so the notebook takes a minute or two. */
export const QUICK_STUDY: EmbeddedStudySettings = {
  ...EMBEDDED_STUDY,
  perClass: 3,
  lstm: { ...EMBEDDED_STUDY.lstm, seeds: [12] },
};

/** A smoke-test size (1 video per class, 1 seed, 5 LSTM epochs) for tests of the notebook. */
export const TINY_STUDY: EmbeddedStudySettings = {
  perClass: 1,
  videoSeed: 42,
  linear: { seeds: [12], learningRate: 5e-2 },
  lstm: { seeds: [12], learningRate: 1e-2, epochs: 5, resize: [8, 32] },
};

/**
 * The notebook's study size: `T3KIT_PROBE_STUDY` = quick (the default, what `make run`
 * runs), full (the benchmark's) or tiny (tests).
 */
export function notebookStudy(
  env: Record<string, string | undefined> = process.env,
): EmbeddedStudySettings {
  const choice = (env.T3KIT_PROBE_STUDY ?? "quick").trim();
  if (choice === "quick" || choice === "") return QUICK_STUDY;
  if (choice === "full") return EMBEDDED_STUDY;
  if (choice === "tiny") return TINY_STUDY;
  throw new Error(`T3KIT_PROBE_STUDY must be quick, full or tiny, got "${choice}"`);
}
