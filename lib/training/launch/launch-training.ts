/**
 * `t3kit train launch`: preflight, then the run folder, then the run. With `resume`, the
 * last `checkpoint-N` under the output folder is found first: LLaMA-Factory gets it as
 * `resume_from_checkpoint` (its released config sets `overwrite_output_dir: true`, which
 * turns its own auto-resume off — LLaMA-Factory v0.9.1 `hparams/parser.py` resumes by
 * itself only when that flag is false), ms-swift as `--resume_from_checkpoint`, and LongVA's
 * train.py (LLaVA lineage) resumes by itself when the output folder holds checkpoints.
 * Without `resume`, a run whose output folder already holds checkpoints is refused.
 */
import { UserFacingError } from "../../errors/index";
import type { TrainingPlan } from "../plan/plan-training";
import { type TrainingRequest, resolveTrainingPlan } from "../plan/resolve-training-plan";
import type { Launcher } from "../render/codebase-run";
import { type LaunchPlan, commandLine } from "../render/launch-plan";
import { renderRun } from "../render/render-run";
import { writeRunFolder } from "../render/write-run-folder";
import { findLastCheckpoint } from "./find-last-checkpoint";
import { type PreflightCheck, formatPreflight, preflight } from "./preflight";
import { type LaunchResult, type OnOutput, runLaunchPlan } from "./run-launch-plan";

export interface LaunchOptions {
  codebase: string;
  launcher?: Launcher;
  hosts?: string[];
  resume?: boolean;
  /** Each chunk of the run's output as it comes (the log file gets it in any case). */
  onOutput?: OnOutput;
  /** PATH for preflight's program look-ups (default: the process's). */
  path?: string;
  /** Disk one checkpoint needs (bytes), when the estimate does not apply. */
  checkpointBytes?: number;
  /** Preflight and the exact command only: nothing written, nothing started. */
  dryRun?: boolean;
}

export class PreflightFailed extends UserFacingError {
  constructor(readonly checks: PreflightCheck[]) {
    super(
      `preflight failed; nothing was started:\n${formatPreflight(checks.filter((c) => !c.ok))}`,
    );
  }
}

export interface TrainingLaunch {
  checks: PreflightCheck[];
  launch: LaunchPlan;
  resumedFrom?: string;
  /** Absent for a dry run. */
  result?: LaunchResult;
}

export async function launchTraining(
  plan: TrainingPlan,
  o: LaunchOptions,
): Promise<TrainingLaunch> {
  const last = findLastCheckpoint(plan.outputDir);
  const resumeFrom = o.resume ? last?.path : undefined;
  const run = renderRun(plan, {
    codebase: o.codebase,
    launcher: o.launcher,
    hosts: o.hosts,
    resumeFrom: plan.codebase === "longva" ? undefined : resumeFrom,
  });
  const checks = await preflight(plan, {
    codebase: o.codebase,
    launcher: run.launcher,
    resume: o.resume ?? false,
    lastCheckpoint: last,
    path: o.path,
    checkpointBytes: o.checkpointBytes,
  });
  if (o.dryRun) return { checks, launch: run.launch, resumedFrom: resumeFrom };
  if (checks.some((c) => !c.ok)) throw new PreflightFailed(checks);
  await writeRunFolder(plan, run);
  const result = await runLaunchPlan(run.launch, { onOutput: o.onOutput });
  return { checks, launch: run.launch, resumedFrom: resumeFrom, result };
}

/** `t3kit train launch`: the request's plan (`hub:` spec and data fetched), then launchTraining. */
export async function launchTrainingRun(
  req: TrainingRequest & { codebase: string },
  o: Omit<LaunchOptions, "codebase" | "launcher" | "hosts"> = {},
): Promise<TrainingLaunch> {
  const plan = await resolveTrainingPlan(req);
  return launchTraining(plan, {
    ...o,
    codebase: req.codebase,
    launcher: req.launcher,
    hosts: req.hosts,
  });
}

/** The line after a run: where it resumed from, its exit code and its log. */
export function formatTrainingLaunch(l: TrainingLaunch): string {
  const resumed = l.resumedFrom ? `resumed from ${l.resumedFrom}; ` : "";
  if (!l.result)
    return `${formatPreflight(l.checks)}\ndry run, nothing started; ${resumed}the command:\n${commandLine(l.launch)}\n`;
  return `${resumed}exit ${l.result.exitCode}; log: ${l.result.logFile}\n`;
}
