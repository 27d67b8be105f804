import type { TrainingPlan } from "../plan/plan-training";
import { singleQuoted } from "./launch-plan";
/**
 * The sbatch scripts of all three runs share one frame: one task per node, the first node
 * as master (`scontrol show hostnames`), and `srun` running a per-node body in which
 * `$SLURM_NODEID` gives the node's rank. LongVA's script follows its released
 * longva_t3.sh inside that frame (render-longva.ts); the Qwen runs (LLaMA-Factory and
 * ms-swift) start the codebase's own launcher with `NODE_RANK=$SLURM_NODEID`.
 */
import { shellQuote as quote } from "./shell-quote";

export interface SbatchParts {
  /** `#SBATCH` lines (and comments) after `--ntasks-per-node=1`. */
  directives: string[];
  /** `export …` lines before MASTER_ADDR. */
  exports: string[];
  /** The folder the body runs in. */
  cwd: string;
  /** The per-node command, run by `bash -c` on each node (its `$` expand there). */
  body: string;
}

/** `export K='v'` for each variable, zx-quoted. */
export function exportLines(env: Record<string, string>): string[] {
  return Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`);
}

export function sbatchScript(plan: TrainingPlan, parts: SbatchParts): string {
  return [
    "#!/bin/bash",
    `#SBATCH --job-name=${plan.name}`,
    "# Slurm writes slurm-<job id>.out in the run folder: t3kit submits from there.",
    `#SBATCH --nodes=${plan.hardware.nodes}`,
    "#SBATCH --ntasks-per-node=1",
    ...parts.directives,
    "set -euo pipefail",
    ...parts.exports,
    'export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
    `cd ${quote(parts.cwd)}`,
    `srun --jobid "$SLURM_JOBID" bash -c ${singleQuoted(parts.body)}`,
    "",
  ].join("\n");
}

/** The Qwen runs' script: the codebase's environment, NNODES and a default MASTER_PORT. */
export function oneTaskPerNodeSbatch(
  plan: TrainingPlan,
  env: Record<string, string>,
  cwd: string,
  body: string,
): string {
  return sbatchScript(plan, {
    directives: [`#SBATCH --gres=gpu:${plan.hardware.gpusPerNode}`],
    exports: [
      ...exportLines(env),
      `export NNODES=${plan.hardware.nodes}`,
      "export MASTER_PORT=${MASTER_PORT:-29500}",
    ],
    cwd,
    body,
  });
}
