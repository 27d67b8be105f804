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
import { InputError } from "../../errors/index";
import { readSpecFile } from "../../specs/index";
import type { ArgValue, TrainingPreset } from "../presets/training-preset";
import { presetArg } from "../presets/training-preset";
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

type Obj = Record<string, unknown>;

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

/** Reads and validates a spec file (.yaml, .yml or .json). */
export function loadTrainingSpec(path: string): TrainingSpec {
  return validateTrainingSpec(readSpecFile(path), path);
}

/** The spec of a bare `--preset NAME`. */
export function presetSpec(name: string): TrainingSpec {
  return validateTrainingSpec({ preset: name }, "--preset");
}

/** Validates a parsed spec; every error names `file` and the field path. */
export function validateTrainingSpec(raw: unknown, file = "<spec>"): TrainingSpec {
  const fail = (field: string, problem: string): never => {
    throw new InputError({ file, field }, problem);
  };
  const obj = (v: unknown, field: string): Obj => {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      fail(field, `expected a mapping, got ${describe(v)}`);
    return v as Obj;
  };
  const known = (o: Obj, keys: string[], prefix: string) => {
    for (const k of Object.keys(o))
      if (!keys.includes(k))
        fail(prefix ? `${prefix}.${k}` : k, `unknown field (known: ${keys.join(", ")})`);
  };
  const str = (v: unknown, field: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "string" || v === "")
      fail(field, `expected a non-empty string, got ${describe(v)}`);
    if (/[\0]/.test(v as string)) fail(field, "contains a NUL character");
    return v as string;
  };
  const posInt = (v: unknown, field: string): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
      fail(field, `expected a positive integer, got ${describe(v)}`);
    return v as number;
  };
  const top = obj(raw, "");
  known(top, TOP_KEYS, "");
  if (top.preset === undefined) fail("preset", "missing: a spec starts from a preset");
  const presetName = str(top.preset, "preset") as string;
  const preset = trainingPreset(presetName, file, "preset");
  const name = str(top.name, "name") ?? preset.name;
  const datasetName = str((top.data as Obj | undefined)?.datasetName, "data.datasetName");
  if (datasetName !== undefined && !/^[A-Za-z0-9._+-]+$/.test(datasetName))
    fail(
      "data.datasetName",
      `${JSON.stringify(datasetName)}: LLaMA-Factory splits dataset names on commas; use letters, digits, ".", "_", "+", "-"`,
    );
  if (!RUN_NAME.test(name))
    fail("name", `${JSON.stringify(name)} is not a run name (letters, digits, ".", "_", "+", "-")`);

  const data = obj(top.data ?? {}, "data");
  known(data, DATA_KEYS, "data");
  const hardware = obj(top.hardware ?? {}, "hardware");
  known(hardware, HARDWARE_KEYS, "hardware");
  const batch = obj(top.batch ?? {}, "batch");
  known(batch, BATCH_KEYS, "batch");
  if (batch.global !== undefined && batch.gradientAccumulation !== undefined)
    fail("batch", "give global or gradientAccumulation, not both (one is derived from the other)");
  const gpuMemory = hardware.gpuMemoryGiB;
  if (gpuMemory !== undefined && (typeof gpuMemory !== "number" || !(gpuMemory > 0)))
    fail("hardware.gpuMemoryGiB", `expected a positive number, got ${describe(gpuMemory)}`);

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(top.env ?? {}, "env"))) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) fail(`env.${k}`, "not an environment variable name");
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
      fail(`env.${k}`, `expected a string or number, got ${describe(v)}`);
    env[k] = String(v);
  }

  return {
    file,
    preset,
    name,
    model: noFlag(str(top.model, "model"), "model", fail),
    data: {
      path: str(data.path, "data.path"),
      imageFolder: str(data.imageFolder, "data.imageFolder"),
      videoFolder: str(data.videoFolder, "data.videoFolder"),
      valPath: str(data.valPath, "data.valPath"),
      datasetName: str(data.datasetName, "data.datasetName"),
    },
    hardware: {
      nodes: posInt(hardware.nodes, "hardware.nodes"),
      gpusPerNode: posInt(hardware.gpusPerNode, "hardware.gpusPerNode"),
      gpuMemoryGiB: gpuMemory as number | undefined,
    },
    batch: {
      perDevice: posInt(batch.perDevice, "batch.perDevice"),
      global: posInt(batch.global, "batch.global"),
      gradientAccumulation: posInt(batch.gradientAccumulation, "batch.gradientAccumulation"),
    },
    hyperparameters: validateHyperparameters(
      obj(top.hyperparameters ?? {}, "hyperparameters"),
      preset,
      fail,
    ),
    env,
    outputDir: str(top.outputDir, "outputDir"),
  };
}

function validateHyperparameters(
  raw: Obj,
  preset: TrainingPreset,
  fail: (field: string, problem: string) => never,
): Record<string, ArgValue> {
  const out: Record<string, ArgValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `hyperparameters.${key}`;
    const arg = presetArg(preset.args, key);
    if (!arg)
      fail(
        field,
        `not an argument of the ${preset.name} preset (${preset.codebase}); known: ${preset.args
          .filter((a) => a.role === undefined)
          .map((a) => a.key)
          .join(", ")}`,
      );
    const a = arg as NonNullable<typeof arg>;
    if (a.role !== undefined) fail(field, `set it with the spec's ${ROLE_FIELDS[a.role]}`);
    out[key] = checkKind(value, a.kind, field, fail);
  }
  return out;
}

/** Text Python's float() takes as a finite number (digits, a dot, an exponent; no inf/nan). */
const PY_FLOAT_TEXT = /^[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?$/;

function checkKind(
  v: unknown,
  kind: string,
  field: string,
  fail: (field: string, problem: string) => never,
): ArgValue {
  switch (kind) {
    case "int":
      if (typeof v !== "number" || !Number.isSafeInteger(v))
        fail(field, `expected an integer, got ${describe(v)}`);
      return v as number;
    case "float": {
      // PyYAML (YAML 1.1) leaves `2e-5` a string (a float needs a dot); the codebases'
      // HfArgumentParser then calls float() on it, so the kit reads it as they do.
      const n = typeof v === "string" && PY_FLOAT_TEXT.test(v.trim()) ? Number(v.trim()) : v;
      if (typeof n !== "number" || !Number.isFinite(n))
        fail(field, `expected a number, got ${describe(v)}`);
      return n as number;
    }
    case "bool":
      if (typeof v !== "boolean") fail(field, `expected true or false, got ${describe(v)}`);
      return v as boolean;
    default:
      if (typeof v !== "string") fail(field, `expected a string, got ${describe(v)}`);
      if ((v as string).includes("\0")) fail(field, "contains a NUL character");
      if ((v as string).startsWith("-"))
        fail(
          field,
          `${JSON.stringify(v)} starts with "-": the codebase's argument parser would read it as a flag`,
        );
      return v as string;
  }
}

function noFlag(
  v: string | undefined,
  field: string,
  fail: (field: string, problem: string) => never,
): string | undefined {
  if (v?.startsWith("-"))
    fail(
      field,
      `${JSON.stringify(v)} starts with "-": the codebase's argument parser would read it as a flag`,
    );
  return v;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}
