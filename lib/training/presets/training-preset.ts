/**
 * A training preset: one released launch of the paper as typed data. Every value carries
 * where it comes from (the released script's file and line of thought), so the notebook
 * can show a table of every hyperparameter with its source, and a test can compare the
 * rendered configs value for value with the released scripts.
 */

/** The codebase a run is launched with. */
export type Codebase = "longva" | "llamafactory" | "ms-swift";
export const codebases: readonly Codebase[] = ["longva", "llamafactory", "ms-swift"];

/**
 * How a value is typed in the codebase: `float` is written with a dot in YAML (PyYAML
 * reads `1e-5` as a string; `1.0e-5` is a float), `int` without one.
 */
export type ArgKind = "int" | "float" | "str" | "bool";
export type ArgValue = number | string | boolean;

/** One argument of the released launch: a command-line flag, a YAML key or an env var. */
export interface PresetArg {
  /** The codebase's own name (`learning_rate`, `MAX_PIXELS`). */
  key: string;
  kind: ArgKind;
  value: ArgValue;
  /** Where the value comes from: the released file, or "kit" when we chose it. */
  source: string;
  /** What the value stands for, when it is a placeholder the kit fills (model path, data path). */
  role?: ArgRole;
}

/** Arguments whose released value is a path on the authors' machines: the kit fills them. */
export type ArgRole =
  | "model"
  | "data"
  | "image-folder"
  | "val-data"
  | "output-dir"
  | "run-name"
  | "dataset-name"
  | "per-device-batch"
  | "gradient-accumulation";

/** The batch rule of a released run: which of global batch or accumulation it holds fixed. */
export type BatchRule =
  | { hold: "global"; globalBatch: number; source: string }
  | { hold: "accumulation"; source: string };

export interface TrainingPreset {
  name: string;
  codebase: Codebase;
  /** The model the run fine-tunes, as the paper names it. */
  model: string;
  summary: string;
  /** The released launch script(s) this preset reproduces. */
  releasedFiles: string[];
  /** Hardware of the released run (LLaMA-Factory's GPU count is not stated: see `hardwareSource`). */
  hardware: { nodes: number; gpusPerNode: number };
  hardwareSource: string;
  batch: BatchRule;
  /** The codebase's arguments in the released order. */
  args: PresetArg[];
  /** Environment variables the released script exports for the training process. */
  env: PresetArg[];
  /** Sequence-length limit key (`model_max_length`, `cutoff_len`, `max_length`). */
  lengthKey: string;
  /** The tokens stage's length preset with the same template and visual settings. */
  lengthPreset: string;
  /** Parameters of the model for the memory estimate (billions): nominal, from the model's name. */
  parametersB: number;
  /** LoRA runs: trainable adapter parameters (billions) and how that number was reached. */
  lora?: { trainableB: number; source: string };
  /** Trainable share: full fine-tuning or LoRA. */
  method: "full" | "lora";
  zeroStage: 2 | 3;
}

/** The argument called `key`, or undefined. */
export function presetArg(args: readonly PresetArg[], key: string): PresetArg | undefined {
  return args.find((a) => a.key === key);
}

/**
 * `arg(key, kind, value, role?, note?)` for the arguments of one released file: each
 * argument's source is the file, with the note when one is given
 * (`… longva_t3.sh (BATCH_SIZE)`).
 */
export function releasedArgs(
  file: string,
): (key: string, kind: ArgKind, value: ArgValue, role?: ArgRole, note?: string) => PresetArg {
  return (key, kind, value, role, note = "") => {
    const source = note === "" ? file : `${file} (${note})`;
    return role === undefined ? { key, kind, value, source } : { key, kind, value, source, role };
  };
}
