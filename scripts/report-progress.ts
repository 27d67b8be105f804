/** The command line's one progress reporter: each step's progress as a line on stderr. */
import { type Progress, formatProgress } from "../lib/progress/index";

/** Writes `progress` as one line on stderr, indented by `indent`. */
export function reportProgress(progress: Progress, indent = ""): void {
  process.stderr.write(`${indent}${formatProgress(progress)}\n`);
}
