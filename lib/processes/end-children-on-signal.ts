/**
 * Children end with the parent: on SIGTERM, SIGINT or SIGHUP the CLI ends every process it
 * started, and theirs (nbconvert, the tslab kernel, headless Chromium), then dies of the
 * same signal (exit status 128 + n, e.g. 143 for SIGTERM) rather than reporting the errors
 * its dying children cause. And the CLI ends with its own parent: started through a wrapper
 * (`npx t3kit`, npm's shell, `timeout`) that is killed without passing the signal on, it
 * finds itself adopted by another process and ends as if it had got SIGTERM.
 */
import { constants } from "node:os";
import { descendantPids } from "./descendant-pids";

const SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;
let installed = false;
let ending: NodeJS.Signals | null = null;

/** The signal the process is ending on, or null. */
export function endingSignal(): NodeJS.Signals | null {
  return ending;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Cleanups that must run at the very end, when nothing of the run can write any more. */
const lastActions = new Set<() => void>();

/**
 * Runs `action` right before the CLI dies of a signal, after the children ended (a run
 * folder removed earlier could be written again by work still in flight). Returns the
 * undo, for a run that finished.
 */
export function atSignalDeath(action: () => void): () => void {
  lastActions.add(action);
  return () => lastActions.delete(action);
}

async function endChildrenThenDie(
  signal: NodeJS.Signals,
  told?: (signal: NodeJS.Signals) => void,
): Promise<void> {
  if (ending) return;
  ending = signal;
  told?.(signal);
  // The other listeners of this signal (temp-file cleanup) run first: once the listeners
  // are removed below, the re-raised signal kills the process on the spot.
  await new Promise((r) => setImmediate(r));
  const pids = descendantPids(process.pid); // the whole tree first: a dead parent loses its links
  signalAll(pids, "SIGTERM");
  const deadline = Date.now() + 3000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  signalAll(pids.filter(alive), "SIGKILL");
  for (const s of SIGNALS) process.removeAllListeners(s);
  for (const action of lastActions) {
    try {
      action();
    } catch {
      // a cleanup that fails must not keep the process alive
    }
  }
  // Other handlers (temp-file cleanup) ran already; 'exit' handlers run on process.exit.
  process.exitCode = 128 + (constants.signals[signal] ?? 0);
  process.kill(process.pid, signal);
}

let watching = false;

/**
 * Ends the process (as on SIGTERM) once its parent `parent` (default: the present one) is
 * gone: the parent's pid changes when an orphan is adopted (by init or a subreaper). The
 * entry script passes the parent it saw first, before the slow loading, so a wrapper killed
 * meanwhile is noticed too. Checked every `everyMs`; the timer keeps no process alive. A
 * process started by init itself has nothing to watch. Watches one parent per process.
 */
export function endWithParent(parent = process.ppid, everyMs = 250): void {
  if (watching || parent <= 1) return;
  watching = true;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    // Through the signal itself, so every handler (temp-file cleanup, the children) runs.
    process.kill(process.pid, "SIGTERM");
  }, everyMs);
  timer.unref();
}

/**
 * Installs the handlers once (the CLI calls this at start), and the watch on the parent;
 * `told` hears the signal first.
 */
export function endChildrenOnSignal(told?: (signal: NodeJS.Signals) => void): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, () => void endChildrenThenDie(s, told));
  endWithParent();
}
