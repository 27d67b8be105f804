/**
 * Everything a run folder holds before launch, for any of the three codebases: the
 * launcher checked against the plan, then the codebase's own renderer (configs, scripts
 * and the launch plan), then `command.sh`. Pure: nothing is written here
 * (write-run-folder.ts writes, atomically).
 */
import { InputError } from "../../errors/index";
import type { TrainingPlan } from "../plan/plan-training";
import type { Codebase } from "../presets/training-preset";
import type { CodebaseRun, Launcher, RenderTarget } from "./codebase-run";
import { type LaunchPlan, commandLine } from "./launch-plan";
import { renderLlamafactory } from "./render-llamafactory";
import { renderLongva } from "./render-longva";
import { renderMsSwift } from "./render-ms-swift";

export interface RenderOptions {
  /** The codebase checkout (LongVA clone root, LLaMA-Factory checkout); a placeholder for plans. */
  codebase?: string;
  launcher?: Launcher;
  /** DeepSpeed hostfile host names, one per node. */
  hosts?: string[];
  /** A checkpoint folder to resume from (LLaMA-Factory and ms-swift get it as an argument). */
  resumeFrom?: string;
}

export interface RenderedRun {
  launcher: Launcher;
  /** File name inside the run folder → contents. */
  files: Record<string, string>;
  launch: LaunchPlan;
}

export const CODEBASE_PLACEHOLDER = "/path/to/codebase";

const RENDERERS: Record<Codebase, (plan: TrainingPlan, t: RenderTarget) => CodebaseRun> = {
  longva: renderLongva,
  llamafactory: renderLlamafactory,
  "ms-swift": renderMsSwift,
};

/** The launcher a plan gets by default: one node → local, more → Slurm. */
export function defaultLauncher(plan: TrainingPlan): Launcher {
  return plan.hardware.nodes > 1 ? "slurm" : "local";
}

export function renderRun(plan: TrainingPlan, o: RenderOptions = {}): RenderedRun {
  const launcher = o.launcher ?? defaultLauncher(plan);
  checkLauncher(plan, launcher, o.hosts);
  const { files, launch } = RENDERERS[plan.codebase](plan, {
    codebase: o.codebase ?? CODEBASE_PLACEHOLDER,
    launcher,
    hosts: o.hosts,
    resumeFrom: o.resumeFrom,
  });
  files["command.sh"] = `#!/bin/bash\n# t3kit ${plan.name} (${launcher})\n${commandLine(launch)}\n`;
  return { launcher, files, launch };
}

/** More nodes need Slurm or a hostfile; the hostfile is LongVA's; hosts are names, one per node. */
function checkLauncher(plan: TrainingPlan, launcher: Launcher, hosts?: string[]): void {
  const fail = (field: string, problem: string): never => {
    throw new InputError({ file: plan.spec.file, field }, problem);
  };
  if (launcher === "local" && plan.hardware.nodes > 1)
    fail(
      "hardware.nodes",
      `${plan.hardware.nodes} nodes need --launcher slurm (an sbatch script) or deepspeed (a hostfile); local runs one machine`,
    );
  if (launcher === "deepspeed" && plan.codebase !== "longva")
    fail(
      "launcher",
      `the DeepSpeed hostfile launch is for LongVA; ${plan.codebase} spreads over nodes with its own torchrun (use --launcher slurm)`,
    );
  const badHost = hosts?.find((h) => !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(h));
  if (badHost !== undefined) fail("hosts", `${JSON.stringify(badHost)} is not a host name`);
  if (hosts && hosts.length !== plan.hardware.nodes)
    fail("hosts", `${hosts.length} host(s) given for ${plan.hardware.nodes} node(s)`);
}
