/**
 * What synthesis needs to know of each task beyond its name (lib/records/t3-vocabulary):
 * how many captions one item shows at 1x and how many more it draws as distractors.
 */
import { type T3Task, type T3TaskLength, T3_TASKS, type TaskKey } from "../../records/index";

export interface TaskSpec extends T3Task {
  /** Captions shown per item at 1x. */
  baseContext: number;
  /** Extra captions drawn per item as distractors (not shown). */
  distractors: number;
}

/** Captions shown at 1x and distractors drawn, per task. */
const CONTEXT: Record<TaskKey, Pick<TaskSpec, "baseContext" | "distractors">> = {
  order: { baseContext: 4, distractors: 0 },
  attribute: { baseContext: 2, distractors: 0 },
  order_shuffle_phrase: { baseContext: 4, distractors: 0 },
  order_shuffle_prefix: { baseContext: 4, distractors: 0 },
  order_shuffle_sentence: { baseContext: 4, distractors: 0 },
  refer_anchor_temp2any: { baseContext: 4, distractors: 1 },
  refer_anchor_any2temp: { baseContext: 4, distractors: 0 },
  refer_begin_end_temp2any: { baseContext: 3, distractors: 1 },
  refer_begin_end_any2temp: { baseContext: 3, distractors: 0 },
  grounding: { baseContext: 3, distractors: 0 },
};

/** Every task with its synthesis settings, in catalog order. */
export const TASKS: readonly TaskSpec[] = T3_TASKS.map((t) => ({ ...t, ...CONTEXT[t.key] }));

/** The spec of a task key. */
export function taskSpec(key: TaskKey): TaskSpec {
  const spec = TASKS.find((t) => t.key === key);
  if (!spec) throw new Error(`unknown task ${key}`);
  return spec;
}

/** Captions shown in one item of `task` at `length`. */
export function contextSize(task: TaskKey, length: number): number {
  const spec = taskSpec(task);
  return spec.baseContext * (spec.scalesWithLength ? length : 1);
}

/** Distinct captions one item needs (an attribute item shows its scene twice). */
export function captionsNeeded(task: TaskKey, length: number): number {
  const spec = taskSpec(task);
  const shown = contextSize(task, length);
  return (spec.family === "attribute" ? shown - 1 : shown) + spec.distractors;
}

/** One (task, length) pair that a run writes. */
export type TaskRun = T3TaskLength;

/** The (task, length) pairs for the requested tasks and lengths, in catalog order. */
export function planTaskRuns(tasks: readonly TaskKey[], lengths: readonly number[]): TaskRun[] {
  const runs: TaskRun[] = [];
  for (const spec of TASKS) {
    if (!tasks.includes(spec.key)) continue;
    if (!spec.scalesWithLength) runs.push({ task: spec.key, length: 1 });
    else
      for (const length of [...lengths].sort((a, b) => a - b))
        runs.push({ task: spec.key, length });
  }
  return runs;
}
