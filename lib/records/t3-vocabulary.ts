/**
 * The T3 naming vocabulary, the one source every stage reads: the tasks and their
 * families, the training and validation file names, the 13 released Video-T3-QA files
 * with the key, aspect and version that make each record's id, and the way back from a
 * file name or a record's source to its task family and context length.
 *
 * Released names: MMInstruction/Video-T3-QA (training files), tobiaslee/text_temporal
 * (validation JSONL), and the keys and ids of `t3_sft/data_creation.py` in llyx97/video-t3.
 * Tasks the release names no training file for get names in the same pattern.
 */

/** Task families as the paper groups them (Table 1: order, attribute change, referring, grounding). */
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

export interface T3Task {
  key: TaskKey;
  family: Family;
  /** Order and attribute come at 1x/2x/4x/8x ("Temporal Change (kx)"); others at 1x. */
  scalesWithLength: boolean;
  summary: string;
}

/** Every task, in catalog order. */
export const T3_TASKS: readonly T3Task[] = [
  {
    key: "order",
    family: "order",
    scalesWithLength: true,
    summary: "order of noun phrases, index arrangement, the teaser's item list",
  },
  {
    key: "attribute",
    family: "attribute",
    scalesWithLength: true,
    summary: "how one attribute of one scene changes",
  },
  {
    key: "order_shuffle_phrase",
    family: "order_template",
    scalesWithLength: false,
    summary: "order as noun phrases joined by a connective",
  },
  {
    key: "order_shuffle_prefix",
    family: "order_template",
    scalesWithLength: false,
    summary: "order with ordinal prefixes (first …, then …, finally …)",
  },
  {
    key: "order_shuffle_sentence",
    family: "order_template",
    scalesWithLength: false,
    summary: "order as before/after sentences",
  },
  {
    key: "refer_anchor_temp2any",
    family: "referring",
    scalesWithLength: false,
    summary: "what is shown right before/after an anchor",
  },
  {
    key: "refer_anchor_any2temp",
    family: "referring",
    scalesWithLength: false,
    summary: "where an object is shown, relative to the others",
  },
  {
    key: "refer_begin_end_temp2any",
    family: "referring",
    scalesWithLength: false,
    summary: "what is shown in the begin / middle / end",
  },
  {
    key: "refer_begin_end_any2temp",
    family: "referring",
    scalesWithLength: false,
    summary: "when (begin / middle / end) an object is shown",
  },
  {
    key: "grounding",
    family: "grounding",
    scalesWithLength: false,
    summary: "where in the video something can be observed",
  },
];

export const TASK_KEYS: readonly TaskKey[] = T3_TASKS.map((t) => t.key);

/** The context lengths the paper trains on (1x, 2x, 4x, 8x). */
export const DEFAULT_LENGTHS: readonly number[] = [1, 2, 4, 8];

/** The task called `key`. */
export function t3Task(key: TaskKey): T3Task {
  const task = T3_TASKS.find((t) => t.key === key);
  if (!task) throw new Error(`unknown task ${key}`);
  return task;
}

/** The training file name, as released where the release has one. */
export function trainFileName(task: TaskKey, length: number): string {
  if (task === "order" || task === "attribute") {
    return length === 1
      ? `temp_qa_${task}_train_long.json`
      : `temp_qa_${task}_train_long_${length}x_15k.json`;
  }
  return `temp_qa_${task}_train.json`;
}

/** The validation JSONL name, as in tobiaslee/text_temporal where it has one. */
export function validationFileName(task: TaskKey, length: number): string {
  if (task === "order" || task === "attribute") {
    return length === 1 ? `${task}_val_long.jsonl` : `${task}_val_long_${length}x.jsonl`;
  }
  return `${task}_val.jsonl`;
}

/**
 * Which files of a Video-T3-QA folder are training data: the released files are all named
 * `temp_qa_<task>_train….json`. A synthesised folder also holds validation JSONL
 * (`<task>_val….jsonl`) and `manifest.json`, which are not training records.
 */
export function isT3TrainingFile(name: string): boolean {
  return /^temp_qa_.+\.json$/.test(name) && name.includes("_train");
}

/** One (task, length) pair. */
export interface T3TaskLength {
  task: TaskKey;
  length: number;
}

/** The task and length a training file name stands for (with or without `.json`), or undefined. */
export function t3TaskOfFile(name: string): T3TaskLength | undefined {
  const file = name.endsWith(".json") ? name : `${name}.json`;
  const sized = /_(\d+)x_15k\.json$/.exec(file);
  const length = sized ? Number(sized[1]) : 1;
  for (const t of T3_TASKS) {
    const at = t.scalesWithLength ? length : 1;
    if (trainFileName(t.key, at) === file) return { task: t.key, length: at };
  }
  return undefined;
}

/**
 * A released Video-T3-QA training file: the key the released script files it under
 * (`data[key]`), the aspect and version that make each record's id
 * (`tempqa-{aspect}-{version}{idx}`), its task and length, and its file name.
 */
export interface T3File extends T3TaskLength {
  key: string;
  aspect: string;
  version: string;
  /** File name inside the T3 folder (the task's training file name). */
  file: string;
}

function released(
  key: string,
  aspect: string,
  version: string,
  task: TaskKey,
  length: number,
): T3File {
  return { key, aspect, version, task, length, file: trainFileName(task, length) };
}

/** The 13 released files, in the order the released `data_creation.py` loads them. */
export const T3_FILES: readonly T3File[] = [
  released("tempqa_v2_order_long_1x", "order-long", "v2", "order", 1),
  released("tempqa_v2_attribute_long_1x", "attribute-long", "v2", "attribute", 1),
  released("tempqa_v2_order_long_2x", "order-2x", "v2-long", "order", 2),
  released("tempqa_v2_attribute_long_2x", "attribute-2x", "v2-long", "attribute", 2),
  released("tempqa_v2_order_long_4x", "order-4x", "v2-long", "order", 4),
  released("tempqa_v2_attribute_long_4x", "attribute-4x", "v2-long", "attribute", 4),
  released("tempqa_v2_attribute_long_8x", "attribute-8x", "v2-long", "attribute", 8),
  released("tempqa_v2_order_long_8x", "order-8x", "v2-long", "order", 8),
  released(
    "temp_qa_refer_anchor_temp2any_train",
    "refer_anchor_temp2any",
    "v2",
    "refer_anchor_temp2any",
    1,
  ),
  released(
    "temp_qa_refer_begin_end_temp2any_train",
    "refer_begin_end_temp2any",
    "v2",
    "refer_begin_end_temp2any",
    1,
  ),
  released(
    "temp_qa_order_shuffle_phrase_train",
    "order_shuffle_phrase_fix",
    "v2",
    "order_shuffle_phrase",
    1,
  ),
  released(
    "temp_qa_order_shuffle_prefix_train",
    "order_shuffle_prefix_fix",
    "v2",
    "order_shuffle_prefix",
    1,
  ),
  released(
    "temp_qa_order_shuffle_sentence_train",
    "order_shuffle_sentence",
    "v2",
    "order_shuffle_sentence",
    1,
  ),
];

/** The id prefix of a T3 file's records: `tempqa-{aspect}-{version}` (the index follows). */
export function t3IdPrefix(f: T3File): string {
  return `tempqa-${f.aspect}-${f.version}`;
}

export interface T3FamilyLength {
  family: Family;
  /** 1, 2, 4 or 8. */
  length: number;
}

/**
 * Family and length of a Video-T3 source: a training file name
 * (`temp_qa_order_train_long_4x_15k`) or a released file's id source (`tempqa-order-4x`);
 * undefined for anything else.
 */
export function t3FamilyAndLength(source: string): T3FamilyLength | undefined {
  const released = T3_FILES.find((f) => `tempqa-${f.aspect}` === source);
  const tl = released ?? t3TaskOfFile(source);
  return tl && { family: t3Task(tl.task).family, length: tl.length };
}
