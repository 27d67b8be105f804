/**
 * Training specs: a small typed file (YAML or JSON) that starts from a preset and overrides
 * what the user changes: model, data, hardware, batch, hyperparameters (by the codebase's
 * own argument names), environment. Errors name the file and the field path
 * (`hyperparameters.learning_rate`). Example:
 *
 *     preset: qwen2-vl-7b-t3
 *     name: t3-vratio1
 *     model: /models/Qwen2-VL-7B-Instruct
 *     data: { path: mixes/t3-vratio1.json, imageFolder: /data/llava-next }
 *     hardware: { nodes: 2, gpusPerNode: 8 }
 *     batch: { global: 128 }
 *     hyperparameters: { learning_rate: 2.0e-5, cutoff_len: 4096 }
 */
import { type Obj, SpecReader, describeTypedSpecValue, readSpecFile } from "../../specs/index";
import { type ArgValue, type TrainingPreset, presetArg } from "../presets/training-preset";
import { trainingPreset } from "../presets/training-presets";

export interface TrainingSpec {
  /** Where the spec came from (for error messages), or `--preset NAME`. */
  file: string;
  preset: TrainingPreset;
  /** Run name: the folder under out/runs/ and the run_name / output folder. */
  name: string;
  model?: string;
  data: {
    path?: string;
    imageFolder?: string;
    videoFolder?: string;
    /** ms-swift `--val_dataset`. */
    valPath?: string;
    /** LLaMA-Factory's dataset name in dataset_info.json. */
    datasetName?: string;
  };
  hardware: { nodes?: number; gpusPerNode?: number; gpuMemoryGiB?: number };
  batch: { perDevice?: number; global?: number; gradientAccumulation?: number };
  hyperparameters: Record<string, ArgValue>;
  env: Record<string, string>;
  /** Where checkpoints go (default: out/runs/<name>/checkpoints). */
  outputDir?: string;
}

const TOP_KEYS = [
  "preset",
  "name",
  "model",
  "data",
  "hardware",
  "batch",
  "hyperparameters",
  "env",
  "outputDir",
];
const DATA_KEYS = ["path", "imageFolder", "videoFolder", "valPath", "datasetName"];
const HARDWARE_KEYS = ["nodes", "gpusPerNode", "gpuMemoryGiB"];
const BATCH_KEYS = ["perDevice", "global", "gradientAccumulation"];
/** Arguments a spec sets through its own fields, not through `hyperparameters`. */
const ROLE_FIELDS: Record<string, string> = {
  model: "model",
  data: "data.path",
  "image-folder": "data.imageFolder",
  "val-data": "data.valPath",
  "dataset-name": "data.datasetName",
  "output-dir": "outputDir",
  "run-name": "name",
  "per-device-batch": "batch.perDevice",
  "gradient-accumulation": "batch.gradientAccumulation (or batch.global)",
};

/** A run name that is safe as a folder name and a shell word: letters, digits, `._+-`. */
const RUN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
/** LLaMA-Factory splits its `dataset` argument on commas. */
const DATASET_NAME = /^[A-Za-z0-9._+-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Who reads the values a spec hands on as command-line words. */
const PARSER = "the codebase's argument parser";

/** Reads and validates a spec file (.yaml, .yml or .json). */
export function loadTrainingSpec(path: string): TrainingSpec {
  return validateTrainingSpec(readSpecFile(path), path);
}

/** The spec of a bare `--preset NAME`. */
export function presetSpec(name: string): TrainingSpec {
  return validateTrainingSpec({ preset: name }, "--preset");
}

/**
 * Validates a parsed spec; every error names `file` and the field path. Wrong values are
 * shown with their type (`got string "1e-5x"`): a hyperparameter may be any of four.
 */
export function validateTrainingSpec(raw: unknown, file = "<spec>"): TrainingSpec {
  const r = new SpecReader(file, describeTypedSpecValue);
  const top = r.obj(raw, "");
  r.known(top, TOP_KEYS, "");
  if (top.preset === undefined) r.fail("preset", "missing: a spec starts from a preset");
  const preset = trainingPreset(r.safeStr(top.preset, "preset"), file, "preset");
  const name = r.opt(top, "name", (v, f) => r.safeStr(v, f), "") ?? preset.name;
  const datasetName = (top.data as Obj | undefined)?.datasetName;
  if (datasetName !== undefined && !DATASET_NAME.test(r.safeStr(datasetName, "data.datasetName")))
    r.fail(
      "data.datasetName",
      `${JSON.stringify(datasetName)}: LLaMA-Factory splits dataset names on commas; use letters, digits, ".", "_", "+", "-"`,
    );
  if (!RUN_NAME.test(name))
    r.fail(
      "name",
      `${JSON.stringify(name)} is not a run name (letters, digits, ".", "_", "+", "-")`,
    );
  const section = (key: string, keys: readonly string[]): Obj => {
    const o = r.obj(top[key] ?? {}, key);
    r.known(o, keys, key);
    return o;
  };
  const data = section("data", DATA_KEYS);
  const hardware = section("hardware", HARDWARE_KEYS);
  const batch = section("batch", BATCH_KEYS);
  if (batch.global !== undefined && batch.gradientAccumulation !== undefined)
    r.fail(
      "batch",
      "give global or gradientAccumulation, not both (one is derived from the other)",
    );
  const gpuMemory = hardware.gpuMemoryGiB;
  if (gpuMemory !== undefined && (typeof gpuMemory !== "number" || !(gpuMemory > 0)))
    r.fail("hardware.gpuMemoryGiB", `expected a positive number, got ${r.shown(gpuMemory)}`);
  const env = envSection(r, r.obj(top.env ?? {}, "env"));
  const text = (o: Obj, key: string, field: string) =>
    r.opt(o, key, (v, f) => r.safeStr(v, f), field);
  const count = (o: Obj, key: string, field: string) =>
    r.opt(o, key, (v, f) => r.posInt(v, f), field);
  const model = text(top, "model", "");
  return {
    file,
    preset,
    name,
    model: model === undefined ? undefined : r.notFlag(model, "model", PARSER),
    data: {
      path: text(data, "path", "data"),
      imageFolder: text(data, "imageFolder", "data"),
      videoFolder: text(data, "videoFolder", "data"),
      valPath: text(data, "valPath", "data"),
      datasetName: text(data, "datasetName", "data"),
    },
    hardware: {
      nodes: count(hardware, "nodes", "hardware"),
      gpusPerNode: count(hardware, "gpusPerNode", "hardware"),
      gpuMemoryGiB: gpuMemory as number | undefined,
    },
    batch: {
      perDevice: count(batch, "perDevice", "batch"),
      global: count(batch, "global", "batch"),
      gradientAccumulation: count(batch, "gradientAccumulation", "batch"),
    },
    hyperparameters: hyperparametersSection(
      r,
      r.obj(top.hyperparameters ?? {}, "hyperparameters"),
      preset,
    ),
    env,
    outputDir: text(top, "outputDir", ""),
  };
}

/** `env: { NAME: value }`: names a shell accepts; strings, numbers and booleans, as strings. */
function envSection(r: SpecReader, raw: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!ENV_NAME.test(k)) r.fail(`env.${k}`, "not an environment variable name");
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
      r.fail(`env.${k}`, `expected a string or number, got ${r.shown(v)}`);
    env[k] = String(v);
  }
  return env;
}

/** `hyperparameters: { key: value }`: the preset's own argument names, each of its kind. */
function hyperparametersSection(
  r: SpecReader,
  raw: Obj,
  preset: TrainingPreset,
): Record<string, ArgValue> {
  const out: Record<string, ArgValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `hyperparameters.${key}`;
    const arg = presetArg(preset.args, key);
    if (!arg)
      r.fail(
        field,
        `not an argument of the ${preset.name} preset (${preset.codebase}); known: ${preset.args
          .filter((a) => a.role === undefined)
          .map((a) => a.key)
          .join(", ")}`,
      );
    const a = arg as NonNullable<typeof arg>;
    if (a.role !== undefined) r.fail(field, `set it with the spec's ${ROLE_FIELDS[a.role]}`);
    out[key] = argOfKind(r, value, a.kind, field);
  }
  return out;
}

/** Text Python's float() takes as a finite number (digits, a dot, an exponent; no inf/nan). */
const PY_FLOAT_TEXT = /^[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?$/;

/** A hyperparameter value of `kind`, read as the codebase's HfArgumentParser reads it. */
function argOfKind(r: SpecReader, v: unknown, kind: string, field: string): ArgValue {
  switch (kind) {
    case "int":
      if (typeof v !== "number" || !Number.isSafeInteger(v))
        r.fail(field, `expected an integer, got ${r.shown(v)}`);
      return v as number;
    case "float": {
      // PyYAML (YAML 1.1) leaves `2e-5` a string (a float needs a dot); the codebases'
      // HfArgumentParser then calls float() on it, so the kit reads it as they do.
      const n = typeof v === "string" && PY_FLOAT_TEXT.test(v.trim()) ? Number(v.trim()) : v;
      if (typeof n !== "number" || !Number.isFinite(n))
        r.fail(field, `expected a number, got ${r.shown(v)}`);
      return n as number;
    }
    case "bool":
      if (typeof v !== "boolean") r.fail(field, `expected true or false, got ${r.shown(v)}`);
      return v as boolean;
    default:
      if (typeof v !== "string") r.fail(field, `expected a string, got ${r.shown(v)}`);
      return r.notFlag(r.noNul(v as string, field), field, PARSER);
  }
}
