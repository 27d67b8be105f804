import { resolve } from "node:path";
import {
  type ConvertRequest,
  type Launcher,
  NoDataToFit,
  PreflightFailed,
  RELEASED_RATIO_SEED,
  type TrainingRequest,
  convertTargets,
  convertTrainingData,
  formatConvertStep,
  formatPlanStep,
  formatSavedCurves,
  formatTrainingLaunch,
  launchTrainingRun,
  launchers,
  planTrainingRun,
  saveTrainingCurves,
  trainingPresets,
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

/** The data and where its media are: plan, launch and convert take them alike. */
const dataOptions = {
  data: { type: "string" },
  "image-folder": { type: "string" },
  "video-folder": { type: "string" },
  out: { type: "string" },
} as const;

const planOptions = {
  ...dataOptions,
  preset: { type: "string" },
  gpus: { type: "string" },
  nodes: { type: "string" },
  launcher: { type: "string" },
  hosts: { type: "string" },
  codebase: { type: "string" },
} as const;

type Values = Record<string, string | boolean | undefined>;

/** `plan` and `launch`: --preset NAME or one SPEC file (either may be a hub: path), and the overrides. */
function requestOf(values: Values, positionals: string[]): TrainingRequest {
  if (values.preset && positionals.length > 0)
    throw new UsageError("give --preset NAME or a SPEC file, not both");
  if (!values.preset && positionals.length !== 1)
    throw new UsageError(`give --preset NAME or one SPEC file\n${usage}`);
  const text = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);
  return {
    preset: values.preset ? String(values.preset) : undefined,
    spec: values.preset ? undefined : positionals[0],
    gpus: positive("gpus", values.gpus),
    nodes: positive("nodes", values.nodes),
    data: text(values.data),
    imageFolder: text(values["image-folder"]),
    videoFolder: text(values["video-folder"]),
    runDir: text(values.out),
    codebase: text(values.codebase),
    launcher: launcherOf(values.launcher),
    hosts: text(values.hosts)?.split(","),
  };
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

function nonNegative(flag: string, s: string): number {
  const x = Number(s);
  if (!(x >= 0) || s.trim() === "")
    throw new UsageError(`--${flag}: "${s}" is not a non-negative number`);
  return x;
}

function checkpointGib(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!(x >= 0)) throw new UsageError(`--checkpoint-gib: "${v}" is not a non-negative number`);
  return x * 1024 ** 3;
}

async function runPlan(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { ...planOptions, fit: { type: "boolean" } },
    allowPositionals: true,
  });
  const request = requestOf(values, positionals);
  try {
    for await (const step of planTrainingRun(request, { fit: values.fit === true }))
      process.stdout.write(formatPlanStep(step));
  } catch (e) {
    if (e instanceof NoDataToFit) throw new UsageError(e.message);
    throw e;
  }
  return 0;
}

async function runConvert(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage,
    options: {
      ...dataOptions,
      to: { type: "string" },
      name: { type: "string" },
      videos: { type: "string" },
      ratios: { type: "string" },
      seed: { type: "string" },
      "reencode-videos": { type: "string" },
    },
  });
  const to = values.to;
  if (!to || !(convertTargets as readonly string[]).includes(to))
    throw new UsageError(`--to must be one of ${convertTargets.join(", ")}`);
  if (!values.data) throw new UsageError("--data FILE is required");
  if (!values.out) throw new UsageError("--out DIR is required");
  if (values.ratios && !values.videos) throw new UsageError("--ratios needs --videos FILE");
  const request: ConvertRequest = {
    to: to as ConvertRequest["to"],
    data: values.data,
    out: values.out,
    name: values.name,
    imageFolder: values["image-folder"],
    videoFolder: values["video-folder"],
    reencodeVideosInto: values["reencode-videos"],
    videos: values.videos,
  };
  if (values.videos) {
    request.ratios = (values.ratios ?? "0.2,0.5,1.0,2.0")
      .split(",")
      .map((s) => nonNegative("ratios", s));
    request.seed = intOption("seed", values.seed, RELEASED_RATIO_SEED, { min: 0 });
  }
  for await (const step of convertTrainingData(request))
    process.stdout.write(formatConvertStep(step));
  return 0;
}

async function runLaunch(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { ...planOptions, resume: { type: "boolean" }, "checkpoint-gib": { type: "string" } },
    allowPositionals: true,
  });
  if (!values.codebase)
    throw new UsageError("--codebase DIR is required (the codebase's checkout)");
  const request = { ...requestOf(values, positionals), codebase: resolve(values.codebase) };
  try {
    const l = await launchTrainingRun(request, {
      resume: values.resume === true,
      checkpointBytes: checkpointGib(values["checkpoint-gib"]),
      onOutput: (chunk, stream) => process[stream].write(chunk),
    });
    process.stderr.write(formatTrainingLaunch(l));
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
  process.stdout.write(formatSavedCurves(await saveTrainingCurves(positionals[0], values.out)));
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
