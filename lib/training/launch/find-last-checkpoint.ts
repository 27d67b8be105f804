/**
 * The last `checkpoint-N` under a trainer's output folder, found as Hugging Face's
 * `get_last_checkpoint` finds it (transformers `trainer_utils.py`: folders named
 * `^checkpoint-(\d+)$`, the largest N), one level deeper too: ms-swift 2.x writes
 * `<output_dir>/<model_type>/v<N>-<date>/checkpoint-<step>`.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const CHECKPOINT = /^checkpoint-(\d+)$/;

export interface Checkpoint {
  path: string;
  step: number;
}

/** Every checkpoint folder under `dir` (depth ≤ 3), largest step last. */
export function listCheckpoints(dir: string, depth = 3): Checkpoint[] {
  const found: Checkpoint[] = [];
  const walk = (d: string, left: number) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        continue;
      }
      if (!isDir) continue;
      const m = CHECKPOINT.exec(name);
      if (m) found.push({ path: p, step: Number(m[1]) });
      else if (left > 1) walk(p, left - 1);
    }
  };
  walk(dir, depth);
  return found.sort((a, b) => a.step - b.step || (a.path < b.path ? -1 : 1));
}

/** The checkpoint to resume from, or undefined when there is none. */
export function findLastCheckpoint(dir: string): Checkpoint | undefined {
  const all = listCheckpoints(dir);
  return all[all.length - 1];
}
