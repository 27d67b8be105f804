/**
 * A set of outputs written to temp files and renamed onto their targets together at the
 * end (`commitAll`), or all removed (`abortAll`, also on exit and on Ctrl-C): a run that
 * fails or is interrupted leaves no partial file and no new file at all.
 */
import { closeSync, openSync, rmSync } from "node:fs";
import { placeOutput, tempPathFor } from "../../files/index";

const live = new Set<string>();
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  const clean = () => {
    for (const t of live) rmSync(t, { force: true });
    live.clear();
  };
  process.on("exit", clean);
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      clean();
      process.kill(process.pid, sig);
    });
  }
}

export class TempOutputs {
  private readonly pending: { temp: string; target: string }[] = [];

  /** A temp path beside `target`, removed unless committed. */
  reserve(target: string): string {
    hook();
    const temp = tempPathFor(target);
    live.add(temp);
    // Created here, on the thread that cleans up: a writer (possibly a worker thread) only
    // opens an existing temp file, so it cannot create one after a cleanup removed it.
    closeSync(openSync(temp, "wx"));
    this.pending.push({ temp, target });
    return temp;
  }

  /**
   * Renames every temp file onto its target, in the order they were reserved. The released
   * script writes some files twice (one name for several steps); what it leaves is the
   * last write, so only that one is put in place and the earlier ones are dropped.
   */
  commitAll(): void {
    this.pending.forEach(({ temp, target }, k) => {
      if (this.pending.slice(k + 1).some((later) => later.target === target))
        rmSync(temp, { force: true });
      else placeOutput(temp, target);
      live.delete(temp);
    });
    this.pending.length = 0;
  }

  abortAll(): void {
    for (const { temp } of this.pending) {
      rmSync(temp, { force: true });
      live.delete(temp);
    }
    this.pending.length = 0;
  }
}
