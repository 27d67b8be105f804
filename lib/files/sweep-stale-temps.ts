/**
 * Temp files whose writer was killed (kill -9, a power cut) cannot clean themselves up;
 * they are hidden and can be large. Before a process writes into a folder, it removes the
 * temp files of the kit's own naming there (`.<name>.<pid>.<random>.tmp`, tempPathFor)
 * whose process is gone. A temp file of a live process is never touched.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { processIsGone } from "../processes/index";

const TEMP_NAME = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/;
const swept = new Set<string>();

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
