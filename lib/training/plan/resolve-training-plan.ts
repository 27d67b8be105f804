/**
 * What `t3kit train plan|launch` (and a notebook) asks for, resolved into a plan: a preset
 * or a spec file, the command line's overrides, and how to render the run. Spec and data
 * files may be `hub:` paths, fetched into the Hub cache first as every stage's inputs are.
 */
import { existsSync } from "node:fs";
import { InputError } from "../../errors/index";
import type { Launcher } from "../render/codebase-run";
import { loadTrainingSpec, presetSpec } from "../spec/training-spec";
import { localTrainingInput } from "./local-training-input";
import { type PlanOverrides, type TrainingPlan, planTraining } from "./plan-training";

/** The plan's overrides (`data` may be a `hub:` path here) and what to plan and render. */
export interface TrainingRequest extends PlanOverrides {
  /** `--preset NAME`: a released run as it is. */
  preset?: string;
  /** A spec file (YAML or JSON) or a `hub:` path to one, when no preset is named. */
  spec?: string;
  /** The codebase checkout (a placeholder when only planning). */
  codebase?: string;
  launcher?: Launcher;
  /** DeepSpeed hostfile host names, one per node. */
  hosts?: string[];
}

/** The request's spec (fetched when it is a `hub:` path), then the plan with its overrides. */
export async function resolveTrainingPlan(req: TrainingRequest): Promise<TrainingPlan> {
  const spec =
    req.preset !== undefined
      ? presetSpec(req.preset)
      : loadTrainingSpec(await localTrainingInput(req.spec ?? ""));
  const data = req.data === undefined ? undefined : await localTrainingInput(req.data);
  for (const [flag, p] of [
    ["data", data],
    ["image-folder", req.imageFolder],
    ["video-folder", req.videoFolder],
  ] as const)
    if (p !== undefined && !existsSync(p))
      throw new InputError({ file: p }, `--${flag}: no such file or folder`);
  return planTraining(spec, { ...req, data });
}
