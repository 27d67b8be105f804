/**
 * One way for a long step to say how far it has come: every `onProgress` in the library
 * takes a Progress, and the command line prints each with formatProgress.
 */

/** A step's progress: `done` of `total` (when known) `unit`s, and/or a note saying what. */
export interface Progress {
  done?: number;
  total?: number;
  /** What `done` counts: "captions", "records", "bytes", "videos" … */
  unit?: string;
  /** A line of its own (a file being written, a phase starting). */
  note?: string;
}

export type OnProgress = (progress: Progress) => void;

/** One line for a terminal: the note, else "done / total unit". */
export function formatProgress(p: Progress): string {
  const count =
    p.done === undefined
      ? ""
      : `${p.done}${p.total === undefined ? "" : ` / ${p.total}`}${p.unit ? ` ${p.unit}` : ""}`;
  if (p.note && count) return `${p.note} (${count})`;
  return p.note ?? count;
}
