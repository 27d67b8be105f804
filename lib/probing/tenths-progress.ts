/**
 * A count of finished items (videos drawn, features written, answers received) as the
 * library's Progress, said at each tenth of the total and at the end, so a few hundred
 * videos make a dozen lines, not a few hundred.
 */
import type { OnProgress } from "../progress/index";

/** A `(done, total)` counter that passes every tenth to `onProgress` as `done / total unit`. */
export function tenthsProgress(
  onProgress: OnProgress | undefined,
  unit: string,
): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const tenth = Math.floor((done * 10) / total);
    if (tenth === last && done !== total) return;
    last = tenth;
    onProgress?.({ done, total, unit });
  };
}
