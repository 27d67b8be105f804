/**
 * The main thread's side of the reference recipe's second thread (reference-second-thread.ts):
 * starts it, and turns its messages into promises and maps.
 */
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { type ThreadError, errorFromThread, startWorker } from "../../threads/index";
import type { SharedFileSource } from "../sources/record-source";
import type { SecondThreadInput } from "./reference-second-thread";
import type { ReferenceJob, TaskFailure } from "./reference-work";

type PostedFailure = { k: number; error: ThreadError } | null;

type FromSecondThread =
  | { type: "scanned"; k: number; source: SharedFileSource; aligned: boolean }
  | { type: "scans-done"; failures: PostedFailure[] }
  | { type: "warmed"; failure: PostedFailure; sources?: (SharedFileSource | null)[] }
  | { type: "writing"; k: number }
  | { type: "written"; k: number; bytes: number }
  | { type: "jobs-done"; failure: PostedFailure }
  | { type: "crashed"; error: ThreadError };

const THREAD = "mix reference, second thread";

function failureOf(f: PostedFailure): TaskFailure | null {
  return f === null ? null : { k: f.k, error: errorFromThread(f.error, THREAD) };
}

/** A promise with its resolve and reject at hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  promise.catch(() => undefined); // a crash rejects all; whoever awaits sees it
  return { promise, resolve, reject };
}

export class SecondThread {
  /** Sources the second thread scanned, by input index (aligned: see ScanOptions.range). */
  readonly scanned = new Map<number, { source: SharedFileSource; aligned: boolean }>();
  /** Bytes of the files the second thread wrote, by job index. */
  readonly written = new Map<number, number>();
  private readonly scans = deferred<TaskFailure[]>();
  private readonly warm = deferred<{
    failure: TaskFailure | null;
    sources: (SharedFileSource | null)[];
  }>();
  private readonly jobs = deferred<TaskFailure | null>();
  private readonly worker: Worker;

  constructor(input: SecondThreadInput, onWriting: (k: number) => void) {
    this.worker = startWorker(join(__dirname, "reference-second-thread.ts"), input);
    this.worker.on("message", (m: FromSecondThread) => {
      if (m.type === "scanned") this.scanned.set(m.k, { source: m.source, aligned: m.aligned });
      else if (m.type === "scans-done")
        this.scans.resolve(m.failures.map(failureOf).filter((f): f is TaskFailure => f !== null));
      else if (m.type === "warmed")
        this.warm.resolve({ failure: failureOf(m.failure), sources: m.sources ?? [] });
      else if (m.type === "writing") onWriting(m.k);
      else if (m.type === "written") this.written.set(m.k, m.bytes);
      else if (m.type === "jobs-done") this.jobs.resolve(failureOf(m.failure));
      else this.crash(errorFromThread(m.error, THREAD));
    });
    this.worker.on("error", (e) => this.crash(e));
    this.worker.on("exit", (code) => this.crash(new Error(`${THREAD} exited (code ${code})`)));
  }

  private crash(e: unknown): void {
    for (const d of [this.scans, this.warm, this.jobs]) d.reject(e);
  }

  /** Resolves when the second thread takes no more inputs: with its failures. */
  scansDone(): Promise<TaskFailure[]> {
    return this.scans.promise;
  }

  /** All 14 sources, for laying out the written T3 records and writing. */
  sendSources(sources: SharedFileSource[]): void {
    this.worker.postMessage({ type: "sources", sources });
  }

  /** The written T3 sources with their laid-out bytes (null for the others). */
  warmed(): Promise<{ failure: TaskFailure | null; sources: (SharedFileSource | null)[] }> {
    return this.warm.promise;
  }

  /** The files to write, and the LLaVA source holding the records they use. */
  sendJobs(jobs: ReferenceJob[], llava: SharedFileSource): void {
    this.worker.postMessage({ type: "jobs", jobs, count: jobs.length, llava });
  }

  /** Resolves when the second thread takes no more files: with its failure, if any. */
  jobsDone(): Promise<TaskFailure | null> {
    return this.jobs.promise;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}
