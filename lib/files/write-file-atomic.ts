/**
 * Writes that never leave a half-written file where a complete one is expected: data goes
 * to a temp file beside the target, then a rename (atomic on one filesystem) puts it in
 * place. Temp files still open when the process is interrupted are removed.
 */
import { once } from "node:events";
import { type WriteStream, createWriteStream } from "node:fs";
import { rmSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type PlaceOptions, makeOutputFolder, placeOutput } from "./output-guard";
import { sweepStaleTemps } from "./sweep-stale-temps";

const pendingTemps = new Set<string>();
let hooksInstalled = false;

function installCleanupHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => {
    for (const t of pendingTemps) rmSync(t, { force: true });
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      for (const t of pendingTemps) rmSync(t, { force: true });
      process.kill(process.pid, sig);
    });
  }
}

/** A temp path beside `target`, unique to this process and call. */
export function tempPathFor(target: string): string {
  sweepStaleTemps(dirname(target));
  const rand = Math.random().toString(36).slice(2, 10);
  return join(dirname(target), `.${basename(target)}.${process.pid}.${rand}.tmp`);
}

/** Writes `data` to `target` through a temp file and the output guard's rename. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: PlaceOptions = {},
): Promise<void> {
  makeOutputFolder(dirname(target));
  const tmp = tempPathFor(target);
  installCleanupHooks();
  pendingTemps.add(tmp);
  try {
    await writeFile(tmp, data);
    placeOutput(tmp, target, options);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** A stream to a temp file; `commit` renames it onto the target, `abort` deletes it. */
export interface AtomicWriteStream {
  readonly stream: WriteStream;
  readonly target: string;
  /** Waits for the buffered data to drain when the stream asks for it. */
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicWriteStream(
  target: string,
  highWaterMark = 1 << 20,
): Promise<AtomicWriteStream> {
  makeOutputFolder(dirname(target));
  const tmp = tempPathFor(target);
  installCleanupHooks();
  pendingTemps.add(tmp);
  const stream = createWriteStream(tmp, { highWaterMark });
  let failure: Error | undefined;
  stream.on("error", (e) => {
    failure = e;
  });
  return {
    stream,
    target,
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await once(stream, "drain");
    },
    async commit() {
      if (failure) throw failure;
      stream.end();
      await once(stream, "finish");
      try {
        placeOutput(tmp, target);
      } finally {
        pendingTemps.delete(tmp);
      }
    },
    async abort() {
      stream.destroy();
      await rm(tmp, { force: true });
      pendingTemps.delete(tmp);
    },
  };
}
