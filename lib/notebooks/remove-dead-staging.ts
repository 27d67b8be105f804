/**
 * A notebook run stages its outputs in `out/.staging/<notebook>-<pid>` and removes the
 * folder when it ends; a run killed with -9 cannot. The next run removes the staging
 * folders of processes that are gone (a live run's folder is never touched).
 */
import { readdir, rm, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { processIsGone } from "../processes/index";

export async function removeDeadStaging(root: string): Promise<string[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const n of names) {
    const pid = Number(/-(\d+)$/.exec(n)?.[1]);
    if (!pid || !processIsGone(pid)) continue;
    await rm(join(root, n), { recursive: true, force: true });
    removed.push(n);
  }
  await rmdir(root).catch(() => undefined); // only when nothing else is staged
  return removed;
}
