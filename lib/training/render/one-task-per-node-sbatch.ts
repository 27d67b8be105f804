/**
 * The sbatch script of the Qwen2-VL runs (LLaMA-Factory and ms-swift): one task per node,
 * each starting the codebase's own launcher with `NODE_RANK=$SLURM_NODEID`, the first node
 * as master. (LongVA's script follows its released longva_t3.sh instead: render-longva.ts.)
 */
import { quote } from "zx";
import type { TrainingPlan } from "../plan/plan-training";
import { singleQuoted } from "./launch-plan";

export function oneTaskPerNodeSbatch(
  plan: TrainingPlan,
  env: Record<string, string>,
  cwd: string,
  body: string,
): string {
  return [
    "#!/bin/bash",
    `#SBATCH --job-name=${plan.name}`,
    "# Slurm writes slurm-<job id>.out in the run folder: t3kit submits from there.",
    `#SBATCH --nodes=${plan.hardware.nodes}`,
    "#SBATCH --ntasks-per-node=1",
    `#SBATCH --gres=gpu:${plan.hardware.gpusPerNode}`,
    "set -euo pipefail",
    ...Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`),
    `export NNODES=${plan.hardware.nodes}`,
    "export MASTER_PORT=${MASTER_PORT:-29500}",
    'export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
    `cd ${quote(cwd)}`,
    `srun --jobid "$SLURM_JOBID" bash -c ${singleQuoted(body)}`,
    "",
  ].join("\n");
}
