/**
 * One way to start a worker thread on a TypeScript module of the library, and one way to
 * read what it was started with. Workers load their module through ts-worker-entry.cjs.
 */
import { join } from "node:path";
import { Worker, workerData } from "node:worker_threads";

/** Starts a worker thread running the TypeScript module `entry` (an absolute path) with `data`. */
export function startWorker(entry: string, data: unknown): Worker {
  return new Worker(join(__dirname, "ts-worker-entry.cjs"), { workerData: { entry, data } });
}

/** Inside a worker started by startWorker: the `data` it was started with. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}
