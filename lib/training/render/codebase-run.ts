/**
 * What one codebase's renderer returns (render-longva.ts, render-llamafactory.ts,
 * render-ms-swift.ts): the files the run folder holds for it and the launch that starts
 * it, for the launcher render-run.ts has already checked.
 */
import type { LaunchPlan } from "./launch-plan";

/** How the run starts: one machine, a Slurm job, or DeepSpeed's own multi-node launcher. */
export type Launcher = "local" | "slurm" | "deepspeed";
export const launchers: readonly Launcher[] = ["local", "slurm", "deepspeed"];

/** Where and how a codebase's run is rendered. */
export interface RenderTarget {
  /** The codebase checkout (LongVA clone root, LLaMA-Factory checkout) or a placeholder. */
  codebase: string;
  launcher: Launcher;
  /** DeepSpeed hostfile host names, one per node. */
  hosts?: string[];
  /** A checkpoint folder to resume from (LLaMA-Factory and ms-swift get it as an argument). */
  resumeFrom?: string;
}

export interface CodebaseRun {
  /** File name inside the run folder → contents. */
  files: Record<string, string>;
  launch: LaunchPlan;
}
