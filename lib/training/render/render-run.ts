/**
 * Everything a run folder holds before launch, for any of the three codebases: the
 * rendered configs and scripts (file name → text) and the launch plan that starts it.
 * Pure: nothing is written here (write-run-folder.ts writes, atomically).
 */
import { join } from "node:path";
import { InputError } from "../../errors/index";
import type { TrainingPlan } from "../plan/plan-training";
import { type LaunchPlan, commandLine } from "./launch-plan";
import {
  llamafactoryLaunch,
  llamafactorySbatchScript,
  llamafactoryYaml,
  planDatasetInfo,
} from "./render-llamafactory";
import {
  deepspeedHostfile,
  longvaDeepspeedLaunch,
  longvaSbatchScript,
  longvaTorchrunLaunch,
  sbatchLaunch,
} from "./render-longva";
import { swiftLaunch, swiftSbatchScript } from "./render-ms-swift";

/** How the run starts: one machine, a Slurm job, or DeepSpeed's own multi-node launcher. */
export type Launcher = "local" | "slurm" | "deepspeed";
export const launchers: readonly Launcher[] = ["local", "slurm", "deepspeed"];

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

/** The launcher a plan gets by default: one node → local, more → Slurm. */
export function defaultLauncher(plan: TrainingPlan): Launcher {
  return plan.hardware.nodes > 1 ? "slurm" : "local";
}

export function renderRun(plan: TrainingPlan, o: RenderOptions = {}): RenderedRun {
  const launcher = o.launcher ?? defaultLauncher(plan);
  const codebase = o.codebase ?? CODEBASE_PLACEHOLDER;
  if (launcher === "local" && plan.hardware.nodes > 1)
    throw new InputError(
      { file: plan.spec.file, field: "hardware.nodes" },
      `${plan.hardware.nodes} nodes need --launcher slurm (an sbatch script) or deepspeed (a hostfile); local runs one machine`,
    );
  if (launcher === "deepspeed" && plan.codebase !== "longva")
    throw new InputError(
      { file: plan.spec.file, field: "launcher" },
      `the DeepSpeed hostfile launch is for LongVA; ${plan.codebase} spreads over nodes with its own torchrun (use --launcher slurm)`,
    );
  const badHost = o.hosts?.find((h) => !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(h));
  if (badHost !== undefined)
    throw new InputError(
      { file: plan.spec.file, field: "hosts" },
      `${JSON.stringify(badHost)} is not a host name`,
    );
  if (o.hosts && o.hosts.length !== plan.hardware.nodes)
    throw new InputError(
      { file: plan.spec.file, field: "hosts" },
      `${o.hosts.length} host(s) given for ${plan.hardware.nodes} node(s)`,
    );
  const files: Record<string, string> = {};
  const sbatchPath = join(plan.runDir, "train.sbatch");
  let launch: LaunchPlan;
  if (plan.codebase === "longva") {
    const hostfile = join(plan.runDir, "hostfile");
    files["train.sbatch"] = longvaSbatchScript(plan, codebase);
    files.hostfile = deepspeedHostfile(plan, o.hosts);
    launch =
      launcher === "slurm"
        ? sbatchLaunch(plan, sbatchPath)
        : launcher === "deepspeed"
          ? longvaDeepspeedLaunch(plan, codebase, hostfile)
          : longvaTorchrunLaunch(plan, codebase);
  } else if (plan.codebase === "llamafactory") {
    const config = join(plan.runDir, "train.yaml");
    files["train.yaml"] = llamafactoryYaml(
      plan,
      o.resumeFrom ? { resume_from_checkpoint: o.resumeFrom } : {},
    );
    const info = planDatasetInfo(plan);
    if (info) files["dataset_info.json"] = `${JSON.stringify(info, null, 2)}\n`;
    if (plan.hardware.nodes > 1)
      files["train.sbatch"] = llamafactorySbatchScript(plan, codebase, config);
    launch =
      launcher === "slurm"
        ? sbatchLaunch(plan, sbatchPath)
        : llamafactoryLaunch(plan, codebase, config);
  } else {
    const extra = o.resumeFrom ? ["--resume_from_checkpoint", o.resumeFrom] : [];
    files["train.sbatch"] = swiftSbatchScript(plan, extra);
    launch = launcher === "slurm" ? sbatchLaunch(plan, sbatchPath) : swiftLaunch(plan, extra);
  }
  files["command.sh"] = `#!/bin/bash\n# t3kit ${plan.name} (${launcher})\n${commandLine(launch)}\n`;
  return { launcher, files, launch };
}
