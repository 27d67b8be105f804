/**
 * `t3kit train plan`: the request's plan, rendered; with `fit`, the data counted against
 * the run's length limit; then the run folder written. Each step is yielded when it is
 * done, so the plan can be read while a big mix is still being counted.
 */
import { type RenderedRun, renderRun } from "../render/render-run";
import { writeRunFolder } from "../render/write-run-folder";
import { type FitOptions, type FitReport, NotALlamaFactoryRun, checkFit } from "./fit-check";
import type { TrainingPlan } from "./plan-training";
import { type TrainingRequest, resolveTrainingPlan } from "./resolve-training-plan";

export type PlanStep =
  | { kind: "planned"; plan: TrainingPlan; run: RenderedRun }
  | { kind: "fit"; fit: FitReport }
  | { kind: "written"; dir: string; files: string[] };

/** A fit check was asked for a plan without data: the command's usage, not the input, is wrong. */
export class NoDataToFit extends Error {
  constructor() {
    super("--fit needs --data FILE (or data.path)");
    this.name = "NoDataToFit";
  }
}

export async function* planTrainingRun(
  req: TrainingRequest,
  o: { fit?: boolean; llamaFactoryVersion?: FitOptions["llamaFactoryVersion"] } = {},
): AsyncGenerator<PlanStep> {
  const plan = await resolveTrainingPlan(req);
  // Refused before anything is printed or written.
  if (o.llamaFactoryVersion !== undefined && plan.codebase !== "llamafactory")
    throw new NotALlamaFactoryRun(plan.preset.name, plan.codebase);
  const run = renderRun(plan, { codebase: req.codebase, launcher: req.launcher, hosts: req.hosts });
  yield { kind: "planned", plan, run };
  if (o.fit) {
    if (plan.dataFiles.length === 0) throw new NoDataToFit();
    yield {
      kind: "fit",
      fit: await checkFit(plan, { llamaFactoryVersion: o.llamaFactoryVersion }),
    };
  }
  const files = await writeRunFolder(plan, run);
  yield { kind: "written", dir: plan.runDir, files };
}
