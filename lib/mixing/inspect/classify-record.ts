/**
 * Which part of a mix a record belongs to, for its composition (a partition: every record
 * gets exactly one part). T3 records by task and length: from the released id
 * (`tempqa-<aspect>-<version><i>`, data_creation.py), else the file name (a T3 training
 * file), else their content (a rendered item the synthesis verifier accepts for a task).
 * Other records by what they show: `video:<first folder>`, `multi-image`, the dataset of
 * an image (the first folder of its path: coco, gqa, ocr_vqa, textvqa, vg, sam, ...), or
 * `text-only`.
 */
import { T3_FILES, T3_TASKS, type TaskKey, t3IdPrefix, t3TaskOfFile } from "../../records/index";
import { contextSize, parseRenderedQuestion, verifyRendered } from "../../synthesis/index";
import type { MixRecord } from "./read-mix-record";

/** The part name of a T3 task at a length: `t3:order`, `t3:attribute:4x`. */
export function t3PartName(task: TaskKey, length: number): string {
  return length === 1 ? `t3:${task}` : `t3:${task}:${length}x`;
}

const ID_PREFIXES = T3_FILES.map((f) => ({
  prefix: t3IdPrefix(f),
  task: f.task,
  length: f.length,
}));

/** The T3 part a released id names, or undefined. */
export function t3PartOfId(id: string): string | undefined {
  if (!id.startsWith("tempqa-")) return undefined;
  for (const p of ID_PREFIXES) {
    if (id.startsWith(p.prefix) && /^\d+$/.test(id.slice(p.prefix.length)))
      return t3PartName(p.task, p.length);
  }
  return undefined;
}

/** The T3 part of a rendered item, recognised by its text, or undefined. */
export function t3PartOfContent(question: string, answer: string): string | undefined {
  if (!question.includes("\n\nCaptions:\n")) return undefined;
  const parts = parseRenderedQuestion(question);
  if (typeof parts === "string") return undefined;
  for (const t of T3_TASKS) {
    if (!verifyRendered(t.key, question, answer).ok) continue;
    const length = parts.captions.length / contextSize(t.key, 1);
    return t3PartName(t.key, t.scalesWithLength && [2, 4, 8].includes(length) ? length : 1);
  }
  return "t3:unrecognised";
}

/** The first folder of a media path (`coco/train2017/x.jpg` → coco), else "other". */
export function datasetOfPath(path: string): string {
  const parts = path.replace(/^\.?\/+/, "").split("/");
  return parts.length > 1 && parts[0] !== "" ? parts[0] : "other";
}

/** Caches the file-name lookup: a T3 training file's part, or null. */
const fileParts = new Map<string, string | null>();

function t3PartOfFile(file: string): string | null {
  let part = fileParts.get(file);
  if (part === undefined) {
    const base = file.split("/").pop() ?? file;
    const tl = t3TaskOfFile(base);
    part = tl ? t3PartName(tl.task, tl.length) : null;
    fileParts.set(file, part);
  }
  return part;
}

/** The part of `record` (see the module comment). */
export function classifyRecord(record: MixRecord): string {
  const byId = record.ownId !== undefined ? t3PartOfId(record.ownId) : undefined;
  if (byId) return byId;
  if (record.images.length === 0 && record.videos.length === 0) {
    const byFile = t3PartOfFile(record.file);
    if (byFile) return byFile;
    if (record.turns.length === 2) {
      const byContent = t3PartOfContent(record.turns[0].value, record.turns[1].value);
      if (byContent) return byContent;
    }
    return "text-only";
  }
  if (record.videos.length > 0) return `video:${datasetOfPath(record.videos[0])}`;
  if (record.images.length > 1) return "multi-image";
  return datasetOfPath(record.images[0]);
}
