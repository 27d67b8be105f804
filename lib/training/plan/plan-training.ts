/**
 * A training plan: a spec resolved against its preset into the exact arguments and
 * environment the codebase gets, the hardware, the batch arithmetic, the run folder and
 * the data files. Every argument keeps its source: the released file, `spec: <field>` or
 * `kit: <why>`. Pure: it reads no file (the fit check and preflight do).
 */
import { basename, dirname, resolve } from "node:path";
import { outPath } from "../../paths/index";
import type { ArgValue, Codebase, PresetArg, TrainingPreset } from "../presets/training-preset";
import type { TrainingSpec } from "../spec/training-spec";
import { type BatchPlan, planBatch } from "./batch-arithmetic";

export interface TrainingPlan {
  name: string;
  preset: TrainingPreset;
  codebase: Codebase;
  spec: TrainingSpec;
  /** out/runs/<name>: rendered configs, the command, the manifest, the log. */
  runDir: string;
  /** Where the trainer writes checkpoints. */
  outputDir: string;
  hardware: { nodes: number; gpusPerNode: number; gpuMemoryGiB?: number };
  batch: BatchPlan;
  /** The codebase's arguments, resolved, in the released order (kit additions last). */
  args: PresetArg[];
  env: PresetArg[];
  /** Training data files (absolute), when the spec names them. */
  dataFiles: string[];
  imageFolder?: string;
  videoFolder?: string;
  /** The sequence-length limit (model_max_length / cutoff_len / max_length). */
  lengthLimit: number;
}

/** Command-line overrides, applied over the spec (`--gpus`, `--nodes`, `--data`, …). */
export interface PlanOverrides {
  gpus?: number;
  nodes?: number;
  data?: string;
  imageFolder?: string;
  videoFolder?: string;
  runDir?: string;
}

/** Hub ids for the models the released files name by a path on the authors' machine. */
const MODEL_IDS: Record<Codebase, string> = {
  longva: "lmms-lab/LongVA-7B",
  llamafactory: "Qwen/Qwen2-VL-7B-Instruct",
  "ms-swift": "Qwen/Qwen2-VL-72B-Instruct",
};

export function planTraining(spec: TrainingSpec, o: PlanOverrides = {}): TrainingPlan {
  const preset = spec.preset;
  const nodes = o.nodes ?? spec.hardware.nodes ?? preset.hardware.nodes;
  const gpusPerNode = o.gpus ?? spec.hardware.gpusPerNode ?? preset.hardware.gpusPerNode;
  const perDevice = spec.batch.perDevice ?? Number(argValue(preset, "per-device-batch"));
  const held = heldBatch(spec, preset);
  const batch = planBatch({ perDevice, gpusPerNode, nodes, ...held }, spec.file);
  const runDir = resolve(o.runDir ?? outPath("runs", spec.name));
  const outputDir = resolve(spec.outputDir ?? resolve(runDir, "checkpoints"));
  const dataPath = o.data ?? spec.data.path;
  const data = dataPath === undefined ? undefined : resolve(dataPath);
  const imageFolder = absolute(o.imageFolder ?? spec.data.imageFolder);
  const videoFolder = absolute(o.videoFolder ?? spec.data.videoFolder);
  const fill: Fill = {
    model: spec.model
      ? { value: spec.model, source: "spec: model" }
      : { value: MODEL_IDS[preset.codebase], source: "kit: the Hub id of the released model" },
    data: data ? { value: data, source: "spec: data.path" } : undefined,
    "image-folder": imageFolder
      ? { value: imageFolder, source: "spec: data.imageFolder" }
      : data
        ? {
            value: dirname(data),
            source: "kit: the data file's folder (no data.imageFolder given)",
          }
        : undefined,
    "val-data": spec.data.valPath
      ? { value: resolve(spec.data.valPath), source: "spec: data.valPath" }
      : undefined,
    "dataset-name": {
      value:
        spec.data.datasetName ??
        (data
          ? datasetNameOf(data)
          : String(preset.args.find((a) => a.role === "dataset-name")?.value)),
      source: spec.data.datasetName ? "spec: data.datasetName" : "kit: the data file's name",
    },
    "output-dir": {
      value: outputDir,
      source: spec.outputDir ? "spec: outputDir" : "kit: <run folder>/checkpoints",
    },
    "run-name": { value: spec.name, source: "spec: name" },
    "per-device-batch": {
      value: batch.perDevice,
      source: spec.batch.perDevice ? "spec: batch.perDevice" : "",
    },
    "gradient-accumulation": {
      value: batch.gradientAccumulation,
      source:
        batch.held === "global"
          ? `derived: global batch ${batch.global} / (${batch.perDevice} per device x ${gpusPerNode} GPUs x ${nodes} nodes)`
          : spec.batch.gradientAccumulation
            ? "spec: batch.gradientAccumulation"
            : "",
    },
  };
  const args = resolveArgs(preset, spec, fill).concat(
    kitArgs(preset.codebase, runDir, imageFolder, videoFolder),
  );
  const env = resolveEnv(preset, spec, gpusPerNode);
  return {
    name: spec.name,
    preset,
    codebase: preset.codebase,
    spec,
    runDir,
    outputDir,
    hardware: { nodes, gpusPerNode, gpuMemoryGiB: spec.hardware.gpuMemoryGiB },
    batch,
    args,
    env,
    dataFiles: [data, fill["val-data"]?.value as string | undefined].filter(
      (f): f is string => f !== undefined,
    ),
    imageFolder,
    videoFolder,
    lengthLimit: Number(args.find((a) => a.key === preset.lengthKey)?.value),
  };
}

type Fill = Record<string, { value: ArgValue; source: string } | undefined>;

function resolveArgs(preset: TrainingPreset, spec: TrainingSpec, fill: Fill): PresetArg[] {
  const out: PresetArg[] = [];
  for (const a of preset.args) {
    if (a.role !== undefined) {
      const f = fill[a.role];
      // An optional argument the spec leaves out (ms-swift's --val_dataset) is dropped.
      if (f === undefined) {
        if (a.role === "val-data") continue;
        out.push(a);
        continue;
      }
      out.push({ ...a, value: f.value, source: f.source === "" ? a.source : f.source });
      continue;
    }
    const v = spec.hyperparameters[a.key];
    out.push(v === undefined ? a : { ...a, value: v, source: `spec: hyperparameters.${a.key}` });
  }
  return out;
}

/** Arguments the kit adds so that the codebase finds what the kit wrote. */
function kitArgs(
  codebase: Codebase,
  runDir: string,
  imageFolder?: string,
  videoFolder?: string,
): PresetArg[] {
  // LongVA's train.py joins data_args.video_folder to every "video" record's path.
  if (codebase === "longva")
    return videoFolder
      ? [
          {
            key: "video_folder",
            kind: "str",
            value: videoFolder,
            source: "kit: LongVA's train.py joins video_folder to each video path (--video-folder)",
          },
        ]
      : [];
  if (codebase !== "llamafactory") return [];
  const args: PresetArg[] = [
    {
      key: "dataset_dir",
      kind: "str",
      value: runDir,
      source: "kit: the run folder holds the dataset_info.json entry",
    },
  ];
  if (imageFolder)
    args.push({
      key: "image_dir",
      kind: "str",
      value: imageFolder,
      source: "kit: relative image/video paths resolve under data.imageFolder",
    });
  return args;
}

function resolveEnv(preset: TrainingPreset, spec: TrainingSpec, gpus: number): PresetArg[] {
  const env = preset.env.map((e) => {
    if (preset.codebase === "ms-swift" && e.key === "NPROC_PER_NODE")
      return {
        ...e,
        value: gpus,
        source: gpus === e.value ? e.source : "--gpus / hardware.gpusPerNode",
      };
    if (preset.codebase === "ms-swift" && e.key === "CUDA_VISIBLE_DEVICES") {
      const value = Array.from({ length: gpus }, (_, i) => i).join(",");
      return {
        ...e,
        value,
        source: value === e.value ? e.source : "--gpus / hardware.gpusPerNode",
      };
    }
    return e;
  });
  for (const [key, value] of Object.entries(spec.env)) {
    const i = env.findIndex((e) => e.key === key);
    const arg: PresetArg = { key, kind: "str", value, source: `spec: env.${key}` };
    if (i >= 0) env[i] = arg;
    else env.push(arg);
  }
  return env;
}

function heldBatch(
  spec: TrainingSpec,
  preset: TrainingPreset,
): { global?: number; gradientAccumulation?: number } {
  if (spec.batch.global !== undefined) return { global: spec.batch.global };
  if (spec.batch.gradientAccumulation !== undefined)
    return { gradientAccumulation: spec.batch.gradientAccumulation };
  if (preset.batch.hold === "global") return { global: preset.batch.globalBatch };
  return { gradientAccumulation: Number(argValue(preset, "gradient-accumulation")) };
}

function argValue(preset: TrainingPreset, role: string): ArgValue {
  const a = preset.args.find((x) => x.role === role);
  if (!a) throw new Error(`preset ${preset.name} has no ${role} argument`);
  return a.value;
}

function absolute(p: string | undefined): string | undefined {
  return p === undefined ? undefined : resolve(p);
}

/** A dataset_info.json name from a file name: `mixes/t3 v2.json` → `t3_v2`. */
export function datasetNameOf(file: string): string {
  const stem = basename(file).replace(/\.(jsonl?|json)$/i, "");
  const name = stem.replace(/[^A-Za-z0-9._+-]+/g, "_");
  return name === "" ? "t3kit_data" : name;
}

/** The value of argument `key` in a plan. */
export function planArg(plan: TrainingPlan, key: string): ArgValue | undefined {
  return plan.args.find((a) => a.key === key)?.value;
}

/** The plan's environment variables as strings, in order. */
export function planEnv(plan: TrainingPlan): Record<string, string> {
  return Object.fromEntries(plan.env.map((e) => [e.key, String(e.value)]));
}
