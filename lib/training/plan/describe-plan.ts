/**
 * `t3kit train plan`'s report, step by step: the run and its hardware, the batch
 * arithmetic, the model-state memory per GPU (formula and numbers), the length limit,
 * every argument and variable with its source, the command; the fit check per source; the
 * files written.
 */
import { cliWord } from "../render/format-arg-value";
import { commandLine } from "../render/launch-plan";
import type { FitReport } from "./fit-check";
import { planModelStateMemory } from "./memory-estimate";
import type { TrainingPlan } from "./plan-training";
import type { PlanStep } from "./plan-training-run";

export function formatPlanStep(step: PlanStep): string {
  if (step.kind === "planned")
    return `${describePlan(step.plan)}\ncommand:\n  ${commandLine(step.run.launch)}\n`;
  if (step.kind === "fit") return `${describeFit(step.fit)}\n`;
  return `${step.files.length} files -> ${step.dir}\n`;
}

/** The plan, one value a line, each argument and variable with its source. */
export function describePlan(plan: TrainingPlan): string {
  const { batch: b, preset, hardware } = plan;
  const mem = planModelStateMemory(plan);
  const width = Math.max(...plan.args.map((a) => a.key.length));
  return [
    `${plan.name}: ${preset.name} (${plan.codebase}), ${hardware.nodes} node(s) x ${hardware.gpusPerNode} GPUs`,
    `batch: ${b.perDevice} per device x ${b.gradientAccumulation} accumulation x ${b.gpusPerNode} GPUs x ${b.nodes} node(s) = ${b.global} global (${b.held === "global" ? "accumulation derived" : "global derived"})`,
    `model states per GPU (ZeRO-${preset.zeroStage}, ${preset.method}): ${mem.formula} = ${mem.worked} = ${mem.gibPerGpu.toFixed(1)} GiB (activations not included)`,
    ...(hardware.gpuMemoryGiB === undefined
      ? []
      : [
          `hardware.gpuMemoryGiB ${hardware.gpuMemoryGiB}: ${mem.gibPerGpu <= hardware.gpuMemoryGiB ? "model states fit" : "model states do NOT fit: more GPUs or nodes"}, ${(hardware.gpuMemoryGiB - mem.gibPerGpu).toFixed(1)} GiB left for activations`,
        ]),
    `length limit: ${preset.lengthKey} ${plan.lengthLimit}`,
    "arguments:",
    ...plan.args.map(
      (a) => `  ${a.key.padEnd(width)}  ${cliWord(a.kind, a.value, "lower")}    [${a.source}]`,
    ),
    "environment:",
    ...plan.env.map((e) => `  ${e.key}=${String(e.value)}    [${e.source}]`),
  ].join("\n");
}

/** Records over the limit, mean length, steps; then a line per source (an empty one for none). */
export function describeFit(fit: FitReport): string {
  const sources = fit.sources.map(
    (s) => `  ${s.source}: ${s.over} of ${s.records} over, max ${s.maxTokens}`,
  );
  const rules = fit.llamaFactoryVersion
    ? `; images and videos as LLaMA-Factory v${fit.llamaFactoryVersion} sizes them`
    : "";
  return `fit (${fit.limitKey} ${fit.limit}; over the limit a record is ${fit.overLimit}${rules}): ${fit.over} of ${fit.records} records over; mean ${fit.meanTokens.toFixed(0)} tokens; ${fit.stepsPerEpoch} steps per epoch, ${fit.steps} steps, ${fit.tokensPerStep.toFixed(0)} tokens per step\n${sources.join("\n")}`;
}
