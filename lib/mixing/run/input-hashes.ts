/** The sha256 of a mix run's input files, computed on a second thread (input-hashes-thread.ts). */
import { join } from "node:path";
import { type ThreadError, errorFromThread, startWorker } from "../../threads/index";

export interface InputHashing {
  /** Hex sha256 by path. */
  hashes: Promise<Map<string, string>>;
  /** Stops the thread (a run that failed need not wait for it). */
  cancel(): Promise<void>;
}

/** Starts hashing `files` (each once) on another thread. */
export function hashInputsOnThread(files: readonly string[]): InputHashing {
  const unique = [...new Set(files)];
  if (unique.length === 0) return { hashes: Promise.resolve(new Map()), cancel: async () => {} };
  const worker = startWorker(join(__dirname, "input-hashes-thread.ts"), { files: unique });
  const done = new Promise<Map<string, string>>((resolve, reject) => {
    worker.once("message", (m: { type: string; hashes?: string[]; error?: ThreadError }) => {
      if (m.type === "hashes") resolve(new Map(unique.map((f, k) => [f, m.hashes![k]])));
      else reject(errorFromThread(m.error!, "mix run, input hashes"));
    });
    worker.once("error", reject);
  });
  const hashes = done.finally(() => worker.terminate());
  hashes.catch(() => undefined);
  return {
    hashes,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
