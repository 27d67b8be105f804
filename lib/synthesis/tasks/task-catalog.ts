/**
 * Every task synthesis can write: its family, whether the context length scales (1x, 2x,
 * 4x, 8x), how many captions one item shows, and the file names the released data uses
 * (paper-facts §2.2; the 13 names the mixing stage loads are all here). Tasks the release
 * names no training file for get names in the same pattern.
 */

export type Family = "order" | "order_template" | "attribute" | "referring" | "grounding";

export type TaskKey =
  | "order"
  | "attribute"
  | "order_shuffle_phrase"
  | "order_shuffle_prefix"
  | "order_shuffle_sentence"
  | "refer_anchor_temp2any"
  | "refer_anchor_any2temp"
  | "refer_begin_end_temp2any"
  | "refer_begin_end_any2temp"
  | "grounding";

export interface TaskSpec {
  key: TaskKey;
  family: Family;
  /** Order and attribute come at 1x/2x/4x/8x ("Temporal Change (kx)"); others at 1x. */
  scalesWithLength: boolean;
  /** Captions shown per item at 1x. */
  baseContext: number;
  /** Extra captions drawn per item as distractors (not shown). */
  distractors: number;
  summary: string;
}

export const TASKS: readonly TaskSpec[] = [
  {
    key: "order",
    family: "order",
    scalesWithLength: true,
    baseContext: 4,
    distractors: 0,
    summary: "order of noun phrases, index arrangement, the teaser's item list",
  },
  {
    key: "attribute",
    family: "attribute",
    scalesWithLength: true,
    baseContext: 2,
    distractors: 0,
    summary: "how one attribute of one scene changes",
  },
  {
    key: "order_shuffle_phrase",
    family: "order_template",
    scalesWithLength: false,
    baseContext: 4,
    distractors: 0,
    summary: "order as noun phrases joined by a connective",
  },
  {
    key: "order_shuffle_prefix",
    family: "order_template",
    scalesWithLength: false,
    baseContext: 4,
    distractors: 0,
    summary: "order with ordinal prefixes (first …, then …, finally …)",
  },
  {
    key: "order_shuffle_sentence",
    family: "order_template",
    scalesWithLength: false,
    baseContext: 4,
    distractors: 0,
    summary: "order as before/after sentences",
  },
  {
    key: "refer_anchor_temp2any",
    family: "referring",
    scalesWithLength: false,
    baseContext: 4,
    distractors: 1,
    summary: "what is shown right before/after an anchor",
  },
  {
    key: "refer_anchor_any2temp",
    family: "referring",
    scalesWithLength: false,
    baseContext: 4,
    distractors: 0,
    summary: "where an object is shown, relative to the others",
  },
  {
    key: "refer_begin_end_temp2any",
    family: "referring",
    scalesWithLength: false,
    baseContext: 3,
    distractors: 1,
    summary: "what is shown in the begin / middle / end",
  },
  {
    key: "refer_begin_end_any2temp",
    family: "referring",
    scalesWithLength: false,
    baseContext: 3,
    distractors: 0,
    summary: "when (begin / middle / end) an object is shown",
  },
  {
    key: "grounding",
    family: "grounding",
    scalesWithLength: false,
    baseContext: 3,
    distractors: 0,
    summary: "where in the video something can be observed",
  },
];

export const TASK_KEYS: readonly TaskKey[] = TASKS.map((t) => t.key);
export const DEFAULT_LENGTHS: readonly number[] = [1, 2, 4, 8];

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

/** The training file name, as released where the release has one. */
export function trainFileName(task: TaskKey, length: number): string {
  if (task === "order" || task === "attribute") {
    return length === 1
      ? `temp_qa_${task}_train_long.json`
      : `temp_qa_${task}_train_long_${length}x_15k.json`;
  }
  if (task === "grounding") return "temp_qa_grounding_train.json";
  return `temp_qa_${task}_train.json`;
}

/** The validation JSONL name, as in tobiaslee/text_temporal where it has one. */
export function validationFileName(task: TaskKey, length: number): string {
  if (task === "order" || task === "attribute") {
    return length === 1 ? `${task}_val_long.jsonl` : `${task}_val_long_${length}x.jsonl`;
  }
  return `${task}_val.jsonl`;
}

/** One (task, length) pair that a run writes. */
export interface TaskRun {
  task: TaskKey;
  length: number;
}

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
