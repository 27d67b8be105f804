/**
 * ms-swift 2.x's launch: `swift sft --model_type … --sft_type lora …` with the released
 * environment (`SIZE_FACTOR`, `MAX_PIXELS`, `NFRAMES`, `NPROC_PER_NODE`,
 * `CUDA_VISIBLE_DEVICES`) of `t3_sft/qwen_exp/72b/run_72b_video.sh`. ms-swift's `swift/cli/main.py`
 * runs torchrun when NPROC_PER_NODE or NNODES is set and forwards NNODES, NODE_RANK,
 * MASTER_ADDR, MASTER_PORT for more nodes.
 */
import { join } from "node:path";
import { type TrainingPlan, planEnv } from "../plan/plan-training";
import type { CodebaseRun, RenderTarget } from "./codebase-run";
import { cliWord } from "./format-arg-value";
import type { LaunchPlan } from "./launch-plan";
import { oneTaskPerNodeSbatch } from "./one-task-per-node-sbatch";
import { SBATCH_FILE, sbatchLaunch } from "./sbatch-launch";
import { shellQuote as quote } from "./shell-quote";

/**
 * The run folder's sbatch script and the launch for `t.launcher`; resuming adds
 * `--resume_from_checkpoint DIR` to both.
 */
export function renderMsSwift(plan: TrainingPlan, t: RenderTarget): CodebaseRun {
  const extra = t.resumeFrom ? ["--resume_from_checkpoint", t.resumeFrom] : [];
  return {
    files: { [SBATCH_FILE]: swiftSbatchScript(plan, extra) },
    launch: t.launcher === "slurm" ? sbatchLaunch(plan) : swiftLaunch(plan, extra),
  };
}

/** `sft --model_type qwen2-vl-72b-instruct …`. */
export function swiftArgs(plan: TrainingPlan, extra: string[] = []): string[] {
  const out = ["sft"];
  for (const a of plan.args) out.push(`--${a.key}`, cliWord(a.kind, a.value, "lower"));
  return out.concat(extra);
}

export function swiftEnv(plan: TrainingPlan): Record<string, string> {
  return planEnv(plan);
}

/** One machine. `cwd` is the run folder (ms-swift is an installed package; paths are absolute). */
export function swiftLaunch(plan: TrainingPlan, extra: string[] = []): LaunchPlan {
  return {
    program: "swift",
    args: swiftArgs(plan, extra),
    env: swiftEnv(plan),
    cwd: plan.runDir,
    logFile: join(plan.runDir, "train.log"),
  };
}

/** Slurm, one task per node. */
export function swiftSbatchScript(plan: TrainingPlan, extra: string[] = []): string {
  const body = `NODE_RANK=$SLURM_NODEID swift ${swiftArgs(plan, extra)
    .map((w) => quote(w))
    .join(" ")}`;
  return oneTaskPerNodeSbatch(plan, swiftEnv(plan), plan.runDir, body);
}
