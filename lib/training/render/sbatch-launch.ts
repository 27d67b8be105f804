/**
 * Submitting a run folder's sbatch script: the one launch every codebase shares under
 * Slurm. The script itself is the codebase's (render-longva.ts follows the released
 * longva_t3.sh; the Qwen runs use one-task-per-node-sbatch.ts); `sbatch --parsable` prints
 * the job id into the submit log, and Slurm writes slurm-<job id>.out in the run folder.
 */
import { join } from "node:path";
import type { TrainingPlan } from "../plan/plan-training";
import type { LaunchPlan } from "./launch-plan";

/** The script's name inside the run folder. */
export const SBATCH_FILE = "train.sbatch";

/** `sbatch --parsable <run folder>/train.sbatch`, run from the run folder. */
export function sbatchLaunch(plan: TrainingPlan): LaunchPlan {
  return {
    program: "sbatch",
    args: ["--parsable", join(plan.runDir, SBATCH_FILE)],
    env: {},
    cwd: plan.runDir,
    logFile: join(plan.runDir, "submit.log"),
  };
}
