import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { InputError } from "../../lib/errors/index";
import { writeFileAtomic } from "../../lib/files/index";
import { formatPythonFloat, formatPythonJson, readAllRecords } from "../../lib/json/index";
import {
  type Launcher,
  PreflightFailed,
  RELEASED_RATIO_SEED,
  type TrainingPlan,
  type TrainingSpec,
  checkFit,
  cliWord,
  commandLine,
  convertMix,
  convertTargets,
  estimateModelStateMemory,
  launchTraining,
  launchers,
  loadTrainingSpec,
  planTraining,
  presetSpec,
  readTrainingCurves,
  renderRun,
  trainingCurvesFigure,
  trainingPresets,
  videoRatioSet,
  writeRunFolder,
} from "../../lib/training/index";
import { UsageError, intOption, parseCommandArgs } from "../cli-args";
import type { Command } from "./command";

const presetLines = trainingPresets.map((p) => `  ${p.name.padEnd(16)} ${p.summary}`).join("\n");

const usage = `
Usage: npx t3kit train plan   (--preset NAME | SPEC) [--gpus N] [--nodes N] [--data FILE] [--image-folder DIR]
                              [--video-folder DIR] [--launcher local|slurm|deepspeed] [--hosts H1,H2] [--codebase DIR]
                              [--fit] [--out DIR]
       npx t3kit train convert --to llamafactory|ms-swift --data FILE [--image-folder DIR] [--video-folder DIR]
                              [--name NAME] [--videos FILE --ratios 0.2,0.5,1.0,2.0 [--seed 1234]]
                              [--reencode-videos DIR] --out DIR
       npx t3kit train launch (--preset NAME | SPEC) --data FILE [--image-folder DIR] --codebase DIR --gpus N
                              [--nodes N] [--launcher L] [--hosts H1,H2] [--resume] [--checkpoint-gib G] [--out DIR]
       npx t3kit train curves RUN [--out DIR]

plan     resolves the preset or spec (YAML/JSON: preset, name, model, data, hardware, batch,
         hyperparameters, env, outputDir) and writes the run folder (default out/runs/<name>/):
         the codebase's configs (LongVA: train.sbatch + hostfile; LLaMA-Factory: train.yaml +
         dataset_info.json; ms-swift: train.sbatch for more nodes), command.sh (the exact command),
         plan.json (every value with its source) and manifest.json (kit version and commit,
         sha256 of the data). Prints the batch arithmetic and a model-state memory estimate;
         --fit counts the data's tokens (tokens stage) against the run's length limit, per source.
convert  LLaVA mix → LLaMA-Factory sharegpt (DIR/NAME.json + DIR/dataset_info.json) or ms-swift
         JSONL (DIR/NAME.jsonl). --videos with --ratios first makes the Qwen video-ratio sets:
         T3 records (--data) + int(len(T3) x ratio) video records, shuffled (Python random, seed 1234).
         --reencode-videos DIR re-encodes every video at 2 fps with ffmpeg (DIR/<stem>_fps2.mp4)
         and points the rows at the copies.
launch   preflight (nvidia-smi, GPU count and memory, the codebase's entry point, data, checkpoints,
         disk), then the run folder, then the run through zx with the log streamed to
         RUN/train.log and the terminal. --resume continues from the last checkpoint-N.
         --checkpoint-gib G: disk one checkpoint needs (default: estimated from the model).
         --codebase: LongVA: the root of a LongVA clone (runs from its longva/ folder);
         LLaMA-Factory: its checkout; ms-swift: any folder (swift must be on PATH).
curves   loss, learning rate and grad norm against steps from RUN (a folder or a file:
         trainer_state.json, LLaMA-Factory trainer_log.jsonl, ms-swift logging.jsonl) →
         out/figures/training-curves-<name>.{png,html}.

Presets (the released runs):
${presetLines}

Options:
  --gpus N, --nodes N     hardware (GPUs per node; default: the preset's 1 x 8)
  --launcher L            local (one machine, default), slurm (sbatch; default for more nodes), deepspeed (hostfile; LongVA)
  --out DIR               plan/launch: the run folder; convert: the output folder; curves: the output root
`;

const planOptions = {
  preset: { type: "string" },
  gpus: { type: "string" },
  nodes: { type: "string" },
  data: { type: "string" },
  "image-folder": { type: "string" },
  "video-folder": { type: "string" },
  launcher: { type: "string" },
  hosts: { type: "string" },
  codebase: { type: "string" },
  out: { type: "string" },
} as const;

type Values = Record<string, string | boolean | undefined>;

function specOf(values: Values, positionals: string[]): TrainingSpec {
  if (values.preset && positionals.length > 0)
    throw new UsageError("give --preset NAME or a SPEC file, not both");
  if (values.preset) return presetSpec(String(values.preset));
  if (positionals.length !== 1)
    throw new UsageError(`give --preset NAME or one SPEC file\n${usage}`);
  return loadTrainingSpec(positionals[0]);
}

function positive(flag: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = intOption(flag, String(v), 0, { min: 1 });
  if (n < 1) throw new UsageError(`--${flag}: "${v}" is not a positive integer`);
  return n;
}

function launcherOf(v: string | boolean | undefined): Launcher | undefined {
  if (v === undefined) return undefined;
  if (!(launchers as readonly string[]).includes(String(v)))
    throw new UsageError(`--launcher: "${v}" is not one of ${launchers.join(", ")}`);
  return v as Launcher;
}

function planOf(values: Values, positionals: string[]): TrainingPlan {
  const spec = specOf(values, positionals);
  for (const [flag, p] of [
    ["data", values.data],
    ["image-folder", values["image-folder"]],
    ["video-folder", values["video-folder"]],
  ] as const)
    if (typeof p === "string" && !existsSync(p))
      throw new InputError({ file: p }, `--${flag}: no such file or folder`);
  return planTraining(spec, {
    gpus: positive("gpus", values.gpus),
    nodes: positive("nodes", values.nodes),
    data: values.data as string | undefined,
    imageFolder: values["image-folder"] as string | undefined,
    videoFolder: values["video-folder"] as string | undefined,
    runDir: values.out as string | undefined,
  });
}

function describePlan(plan: TrainingPlan): string {
  const b = plan.batch;
  const mem = estimateModelStateMemory({
    parameters: plan.preset.parametersB * 1e9,
    gpus: plan.hardware.gpusPerNode * plan.hardware.nodes,
    zeroStage: plan.preset.zeroStage,
    method: plan.preset.method,
    trainable: (plan.preset.lora?.trainableB ?? 0) * 1e9,
  });
  const width = Math.max(...plan.args.map((a) => a.key.length));
  return [
    `${plan.name}: ${plan.preset.name} (${plan.codebase}), ${plan.hardware.nodes} node(s) x ${plan.hardware.gpusPerNode} GPUs`,
    `batch: ${b.perDevice} per device x ${b.gradientAccumulation} accumulation x ${b.gpusPerNode} GPUs x ${b.nodes} node(s) = ${b.global} global (${b.held === "global" ? "accumulation derived" : "global derived"})`,
    `model states per GPU (ZeRO-${plan.preset.zeroStage}, ${plan.preset.method}): ${mem.formula} = ${mem.worked} = ${mem.gibPerGpu.toFixed(1)} GiB (activations not included)`,
    ...(plan.hardware.gpuMemoryGiB === undefined
      ? []
      : [
          `hardware.gpuMemoryGiB ${plan.hardware.gpuMemoryGiB}: ${mem.gibPerGpu <= plan.hardware.gpuMemoryGiB ? "model states fit" : "model states do NOT fit: more GPUs or nodes"}, ${(plan.hardware.gpuMemoryGiB - mem.gibPerGpu).toFixed(1)} GiB left for activations`,
        ]),
    `length limit: ${plan.preset.lengthKey} ${plan.lengthLimit}`,
    "arguments:",
    ...plan.args.map(
      (a) => `  ${a.key.padEnd(width)}  ${cliWord(a.kind, a.value, "lower")}    [${a.source}]`,
    ),
    "environment:",
    ...plan.env.map((e) => `  ${e.key}=${String(e.value)}    [${e.source}]`),
  ].join("\n");
}

async function runPlan(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { ...planOptions, fit: { type: "boolean" } },
    allowPositionals: true,
  });
  const plan = planOf(values, positionals);
  const run = renderRun(plan, {
    codebase: values.codebase as string | undefined,
    launcher: launcherOf(values.launcher),
    hosts: typeof values.hosts === "string" ? values.hosts.split(",") : undefined,
  });
  process.stdout.write(`${describePlan(plan)}\ncommand:\n  ${commandLine(run.launch)}\n`);
  if (values.fit) {
    if (plan.dataFiles.length === 0) throw new UsageError("--fit needs --data FILE (or data.path)");
    const fit = await checkFit(plan);
    process.stdout.write(
      `fit (${fit.limitKey} ${fit.limit}; over the limit a record is ${fit.overLimit}): ${fit.over} of ${fit.records} records over; mean ${fit.meanTokens.toFixed(0)} tokens; ${fit.stepsPerEpoch} steps per epoch, ${fit.steps} steps, ${fit.tokensPerStep.toFixed(0)} tokens per step\n${fit.sources
        .map((s) => `  ${s.source}: ${s.over} of ${s.records} over, max ${s.maxTokens}`)
        .join("\n")}\n`,
    );
  }
  const files = await writeRunFolder(plan, run);
  process.stdout.write(`${files.length} files -> ${plan.runDir}\n`);
  return 0;
}

function ratioLabel(r: number): string {
  return formatPythonFloat(r);
}

async function runConvert(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage,
    options: {
      to: { type: "string" },
      data: { type: "string" },
      "image-folder": { type: "string" },
      "video-folder": { type: "string" },
      name: { type: "string" },
      videos: { type: "string" },
      ratios: { type: "string" },
      seed: { type: "string" },
      "reencode-videos": { type: "string" },
      out: { type: "string" },
    },
  });
  const to = values.to;
  if (!to || !(convertTargets as readonly string[]).includes(to))
    throw new UsageError(`--to must be one of ${convertTargets.join(", ")}`);
  if (!values.data) throw new UsageError("--data FILE is required");
  if (!values.out) throw new UsageError("--out DIR is required");
  const folders = {
    imageFolder: values["image-folder"],
    videoFolder: values["video-folder"],
    reencodeVideosInto: values["reencode-videos"],
  };
  if (values.ratios && !values.videos) throw new UsageError("--ratios needs --videos FILE");
  if (!values.videos) {
    const r = await convertMix({
      to: to as "llamafactory",
      data: values.data,
      out: values.out,
      name: values.name,
      ...folders,
    });
    process.stdout.write(
      `${r.rows} rows (${r.withImages} with images, ${r.withVideos} with videos, ${r.textOnly} text-only, ${r.multiTurn} multi-turn) -> ${r.output}${r.datasetInfo ? ` + ${r.datasetInfo} (dataset: ${r.datasetName})` : ""}\n`,
    );
    return 0;
  }
  const ratios = (values.ratios ?? "0.2,0.5,1.0,2.0").split(",").map((s) => {
    const x = Number(s);
    if (!(x >= 0) || s.trim() === "")
      throw new UsageError(`--ratios: "${s}" is not a non-negative number`);
    return x;
  });
  const seed = intOption("seed", values.seed, RELEASED_RATIO_SEED, { min: 0 });
  const t3 = await readAllRecords(values.data);
  const video = await readAllRecords(values.videos);
  const stem = values.name ?? basename(values.data).replace(/\.(jsonl?|json)$/i, "");
  for (const ratio of ratios) {
    const set = videoRatioSet(t3, video, ratio, seed, values.videos);
    const name = `${stem}+VRatio${ratioLabel(ratio)}`;
    const llava = join(resolve(values.out), `${name}.llava.json`);
    await writeFileAtomic(llava, `${formatPythonJson(set, { indent: 4 })}\n`);
    const r = await convertMix({
      to: to as "llamafactory",
      data: llava,
      out: values.out,
      name,
      ...folders,
    });
    process.stdout.write(
      `ratio ${ratioLabel(ratio)}: ${t3.length} T3 + ${set.length - t3.length} video = ${r.rows} rows -> ${r.output}\n`,
    );
  }
  return 0;
}

function checkpointGib(v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!(x >= 0)) throw new UsageError(`--checkpoint-gib: "${v}" is not a non-negative number`);
  return x * 1024 ** 3;
}

async function runLaunch(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { ...planOptions, resume: { type: "boolean" }, "checkpoint-gib": { type: "string" } },
    allowPositionals: true,
  });
  if (!values.codebase)
    throw new UsageError("--codebase DIR is required (the codebase's checkout)");
  const plan = planOf(values, positionals);
  try {
    const l = await launchTraining(plan, {
      codebase: resolve(values.codebase),
      launcher: launcherOf(values.launcher),
      hosts: typeof values.hosts === "string" ? values.hosts.split(",") : undefined,
      resume: values.resume === true,
      checkpointBytes: checkpointGib(values["checkpoint-gib"]),
      onOutput: (chunk, stream) => process[stream].write(chunk),
    });
    process.stderr.write(
      `${l.resumedFrom ? `resumed from ${l.resumedFrom}; ` : ""}exit ${l.result.exitCode}; log: ${l.result.logFile}\n`,
    );
    return l.result.exitCode === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof PreflightFailed) {
      process.stderr.write(`t3kit train launch: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

async function runCurves(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { out: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(`curves takes one RUN (folder or log file)\n${usage}`);
  const curves = await readTrainingCurves(positionals[0]);
  const { saveFigure } = require("../../lib/plots/index") as typeof import("../../lib/plots/index");
  const { outPath } = require("../../lib/paths/index") as typeof import("../../lib/paths/index");
  const name = `training-curves-${basename(resolve(positionals[0]))
    .replace(/\.(jsonl?|json)$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")}`;
  const dir = values.out ? join(resolve(values.out), "figures") : outPath("figures");
  const saved = await saveFigure(trainingCurvesFigure(curves), name, dir);
  const last = curves.points.filter((p) => p.loss !== undefined).pop();
  process.stdout.write(
    `${curves.points.length} points from ${curves.file} (${curves.format})${last ? `; last loss ${last.loss} at step ${last.step}` : ""}${curves.totalSteps ? ` of ${curves.totalSteps}` : ""}\n-> ${saved.png}\n-> ${saved.html}\n`,
  );
  return 0;
}

export const trainCommand: Command = {
  name: "train",
  summary:
    "training runs: the paper's presets, configs and commands, converters, preflight, launch, curves",
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "plan") return runPlan(rest);
    if (sub === "convert") return runConvert(rest);
    if (sub === "launch") return runLaunch(rest);
    if (sub === "curves") return runCurves(rest);
    if (sub === "--help" || sub === "-h" || sub === undefined) {
      process.stdout.write(`${usage.trim()}\n`);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown subcommand "${sub}"\n${usage}`);
  },
};
