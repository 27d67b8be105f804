/**
 * LLaMA-Factory's launch: the training YAML (the released `llama_factory_7b_config.yaml`
 * with the kit's paths), its `dataset_info.json` entry and `FORCE_TORCHRUN=1
 * llamafactory-cli train CONFIG` run from the LLaMA-Factory checkout (the config's
 * `examples/deepspeed/ds_z2_config.json` is relative to it). More nodes: `NNODES`,
 * `NODE_RANK`, `MASTER_ADDR`, `MASTER_PORT`, which LLaMA-Factory's cli.py hands to torchrun
 * (v0.9.1 `cli.py`; its examples/README once said RANK, but cli.py reads NODE_RANK).
 */
import { join } from "node:path";
import { type TrainingPlan, planArg, planEnv } from "../plan/plan-training";
import type { CodebaseRun, RenderTarget } from "./codebase-run";
import { yamlScalar } from "./format-arg-value";
import type { LaunchPlan } from "./launch-plan";
import { oneTaskPerNodeSbatch } from "./one-task-per-node-sbatch";
import { SBATCH_FILE, sbatchLaunch } from "./sbatch-launch";
import { shellQuote as quote } from "./shell-quote";

const CONFIG_FILE = "train.yaml";

/**
 * The run folder's files (the YAML, with `resume_from_checkpoint` when resuming; the
 * dataset_info.json entry when there is data; the sbatch script for more nodes) and the
 * launch for `t.launcher`.
 */
export function renderLlamafactory(plan: TrainingPlan, t: RenderTarget): CodebaseRun {
  const config = join(plan.runDir, CONFIG_FILE);
  const files: Record<string, string> = {
    [CONFIG_FILE]: llamafactoryYaml(
      plan,
      t.resumeFrom ? { resume_from_checkpoint: t.resumeFrom } : {},
    ),
  };
  const info = planDatasetInfo(plan);
  if (info) files["dataset_info.json"] = `${JSON.stringify(info, null, 2)}\n`;
  if (plan.hardware.nodes > 1)
    files[SBATCH_FILE] = llamafactorySbatchScript(plan, t.codebase, config);
  const launch =
    t.launcher === "slurm" ? sbatchLaunch(plan) : llamafactoryLaunch(plan, t.codebase, config);
  return { files, launch };
}

/** The YAML config, one `key: value` per argument, PyYAML-safe scalars. */
export function llamafactoryYaml(plan: TrainingPlan, extra: Record<string, string> = {}): string {
  const lines = [
    `# t3kit ${plan.name}: rendered from the released t3_sft/qwen_exp/7b/llama_factory_7b_config.yaml (preset ${plan.preset.name})`,
  ];
  for (const a of plan.args) lines.push(`${a.key}: ${yamlScalar(a.kind, a.value)}`);
  for (const [k, v] of Object.entries(extra)) lines.push(`${k}: ${yamlScalar("str", v)}`);
  return `${lines.join("\n")}\n`;
}

/** The `dataset_info.json` entry for a sharegpt file with image and video columns. */
export function llamafactoryDatasetInfo(
  datasetName: string,
  fileName: string,
): Record<string, unknown> {
  return {
    [datasetName]: {
      file_name: fileName,
      formatting: "sharegpt",
      columns: { messages: "conversations", images: "images", videos: "videos" },
      tags: { role_tag: "from", content_tag: "value", user_tag: "human", assistant_tag: "gpt" },
    },
  };
}

/** The run's dataset_info.json entry, or undefined when the plan has no data file. */
export function planDatasetInfo(plan: TrainingPlan): Record<string, unknown> | undefined {
  const data = plan.dataFiles[0];
  if (data === undefined) return undefined;
  return llamafactoryDatasetInfo(String(planArg(plan, "dataset")), data);
}

function torchrunEnv(plan: TrainingPlan): Record<string, string> {
  return { ...planEnv(plan), NPROC_PER_NODE: String(plan.hardware.gpusPerNode) };
}

/** One machine: `FORCE_TORCHRUN=1 NPROC_PER_NODE=G llamafactory-cli train CONFIG`. */
export function llamafactoryLaunch(
  plan: TrainingPlan,
  codebase: string,
  configPath: string,
): LaunchPlan {
  return {
    program: "llamafactory-cli",
    args: ["train", configPath],
    env: torchrunEnv(plan),
    cwd: codebase,
    logFile: join(plan.runDir, "train.log"),
  };
}

/** Slurm, one task per node: each node's shell sets NODE_RANK from SLURM_NODEID. */
export function llamafactorySbatchScript(
  plan: TrainingPlan,
  codebase: string,
  configPath: string,
): string {
  const env = torchrunEnv(plan);
  const body = `NODE_RANK=$SLURM_NODEID llamafactory-cli train ${quote(configPath)}`;
  return oneTaskPerNodeSbatch(plan, env, codebase, body);
}
