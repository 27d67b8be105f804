/**
 * Temp files whose writer was killed (kill -9, a power cut) cannot clean themselves up;
 * they are hidden and can be large. Before a process writes into a folder, it removes the
 * temp files of the kit's own naming there (`.<name>.<pid>.<random>.tmp`, tempPathFor)
 * whose process is gone. A temp file of a live process is never touched.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const TEMP_NAME = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/;
const swept = new Set<string>();

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: the process exists (another user's): not ours to judge.
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Removes stale temp files in `dir` (once per folder per process); returns what it removed. */
export function sweepStaleTemps(dir: string): string[] {
  if (swept.has(dir)) return [];
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || !processIsGone(Number(m[1]))) continue;
    const path = join(dir, name);
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}
