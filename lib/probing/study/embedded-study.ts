/**
 * The embedded probing study: what the notebook and `npm run bench:probe` run on the kit's
 * own videos with no GPU, on features of the pretrained MobileNetV3 (8 x 120 per video) or
 * of the hand-made stand-in (40 x 32). The released settings assume many videos and
 * paper-sized features; on a few drawn videos per class they would barely move the weights,
 * so two settings differ and say so: the learning rates (linear 5e-2 instead of 5e-4; LSTM
 * 1e-2 instead of 5e-5, 30 epochs instead of 15-120) and the LSTM input (MobileNetV3: not
 * resized, its 8 tokens; stand-in: resized to 8 x 32, one token per frame; instead of
 * 128 x 1024). Everything else is as released: architectures, Adam, batches,
 * cross-entropy, linear epochs, seeds.
 */
import type { EncoderName } from "../features/frame-encoder";
import { RELEASED_SEEDS } from "../probes/run-probing-study";

export interface EmbeddedStudySettings {
  encoder: EncoderName;
  perClass: number;
  videoSeed: number;
  linear: { seeds: number[]; learningRate: number };
  lstm: { seeds: number[]; learningRate: number; epochs: number; resize: [number, number] | null };
}

/** The full embedded study (the benchmark). */
export const EMBEDDED_STUDY: EmbeddedStudySettings = {
  encoder: "mobilenetv3",
  perClass: 4,
  videoSeed: 42,
  linear: { seeds: RELEASED_SEEDS, learningRate: 5e-2 },
  lstm: { seeds: RELEASED_SEEDS, learningRate: 1e-2, epochs: 30, resize: null },
};

/** A study on the stand-in's features instead (its LSTM input resized to 8 x 32). */
export function standInStudy(study: EmbeddedStudySettings): EmbeddedStudySettings {
  return { ...study, encoder: "stand-in", lstm: { ...study.lstm, resize: [8, 32] } };
}

/** What `make run` runs: fewer videos and one LSTM seed, so the notebook takes a minute or two. */
export const QUICK_STUDY: EmbeddedStudySettings = {
  ...EMBEDDED_STUDY,
  perClass: 3,
  lstm: { ...EMBEDDED_STUDY.lstm, seeds: [12] },
};

/** A smoke-test size (1 video per class, 1 seed, 5 LSTM epochs) for tests of the notebook. */
export const TINY_STUDY: EmbeddedStudySettings = {
  encoder: "mobilenetv3",
  perClass: 1,
  videoSeed: 42,
  linear: { seeds: [12], learningRate: 5e-2 },
  lstm: { seeds: [12], learningRate: 1e-2, epochs: 5, resize: null },
};

/**
 * The notebook's study: `T3KIT_PROBE_STUDY` = quick (the default, what `make run` runs),
 * full (the benchmark's) or tiny (tests); `T3KIT_PROBE_ENCODER` = mobilenetv3 (the default)
 * or stand-in.
 */
export function notebookStudy(
  env: Record<string, string | undefined> = process.env,
): EmbeddedStudySettings {
  const choice = (env.T3KIT_PROBE_STUDY ?? "quick").trim();
  const study =
    choice === "quick" || choice === ""
      ? QUICK_STUDY
      : choice === "full"
        ? EMBEDDED_STUDY
        : choice === "tiny"
          ? TINY_STUDY
          : undefined;
  if (!study) throw new Error(`T3KIT_PROBE_STUDY must be quick, full or tiny, got "${choice}"`);
  const encoder = (env.T3KIT_PROBE_ENCODER ?? "mobilenetv3").trim();
  if (encoder === "mobilenetv3" || encoder === "") return study;
  if (encoder === "stand-in") return standInStudy(study);
  throw new Error(`T3KIT_PROBE_ENCODER must be mobilenetv3 or stand-in, got "${encoder}"`);
}
