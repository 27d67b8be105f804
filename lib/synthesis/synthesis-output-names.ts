import { trainFileName, validationFileName } from "../records/index";
/** Every file name a synthesis run may write, known from its options before any caption is read. */
import type { SynthesisOptions } from "./synthesize-items";
import { planTaskRuns } from "./tasks/task-catalog";

export function synthesisOutputNames(
  options: Pick<SynthesisOptions, "tasks" | "lengths" | "valPerTask">,
): string[] {
  const runs = planTaskRuns(options.tasks, options.lengths);
  return [
    ...runs.map((r) => trainFileName(r.task, r.length)),
    ...(options.valPerTask === 0 ? [] : runs.map((r) => validationFileName(r.task, r.length))),
    "manifest.json",
  ];
}
