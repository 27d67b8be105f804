/**
 * The output folder of a run that may fail: created (with any missing parents) when the
 * run starts writing, and removed again, if it is still empty, when the run fails or is
 * interrupted, so a failed run leaves no empty folders behind. Folders that existed before
 * the run are never removed.
 */
import { mkdirSync, readdirSync, rmSync, rmdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { atSignalDeath } from "../processes/index";

export interface RunFolder {
  /** The run succeeded: the folder stays. */
  keep(): void;
  /** The run failed: the folders it created go, if empty. */
  discard(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** This process's temp files in `dir` (tempPathFor's naming), removed before the folder. */
function removeOwnTemps(dir: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const own = new RegExp(`^\\..+\\.${process.pid}\\.[a-z0-9]+\\.tmp$`);
  for (const n of names) if (own.test(n)) rmSync(join(dir, n), { force: true });
}

export function openRunFolder(dir: string): RunFolder {
  const first = mkdirSync(dir, { recursive: true });
  const created: string[] = [];
  if (first !== undefined) {
    for (let d = dir; ; d = dirname(d)) {
      created.push(d);
      if (d === first || dirname(d) === d) break;
    }
  }
  const removeCreated = () => {
    for (const d of created) {
      removeOwnTemps(d);
      try {
        rmdirSync(d);
      } catch {
        return; // not empty (or gone): it and its parents stay
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeCreated();
    process.kill(process.pid, signal);
  };
  const listeners = SIGNALS.map((s) => {
    const l = () => onSignal(s);
    process.once(s, l);
    return [s, l] as const;
  });
  // Under the CLI the process dies later than this listener runs, and work still in flight
  // may write into the folder meanwhile: remove it once more at the very end.
  const undoLast = atSignalDeath(removeCreated);
  const unhook = () => {
    undoLast();
    for (const [s, l] of listeners) process.off(s, l);
  };
  return {
    keep: unhook,
    discard() {
      unhook();
      removeCreated();
    },
  };
}
