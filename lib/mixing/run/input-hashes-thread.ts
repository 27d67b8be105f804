/**
 * A thread that hashes a mix run's input files (sha256, for the manifests) while the main
 * thread scans, draws and writes: hashing the 2.4 GB of the benchmark's 1M-record inputs
 * took 4-6 s of the run on the main thread. Started by hashInputsOnThread (input-hashes.ts).
 */
import { parentPort } from "node:worker_threads";
import { sha256File } from "../../files/index";
import { errorForThread, workerInput } from "../../threads/index";

async function main(): Promise<void> {
  const { files } = workerInput<{ files: string[] }>();
  try {
    const hashes: string[] = [];
    for (const f of files) hashes.push(await sha256File(f));
    parentPort!.postMessage({ type: "hashes", hashes });
  } catch (e) {
    parentPort!.postMessage({ type: "error", error: errorForThread(e) });
  }
}

main();
