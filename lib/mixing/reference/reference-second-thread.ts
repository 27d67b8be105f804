/**
 * The reference recipe's second thread (started by reference-thread-link.ts). It takes inputs
 * to scan from the shared queue, then lays out the written T3 records, then takes files
 * to write from the second queue. Messages, to the main thread: scanned {k, source,
 * aligned}, scans-done {failures}, warmed {failure, sources}, writing {k}, written {k,
 * bytes}, jobs-done {failure}. From it: sources {sources} (all 14, once scanning is done),
 * jobs {jobs, llava}.
 */
import { parentPort } from "node:worker_threads";
import { errorForThread, workerInput } from "../../threads/index";
import { type SharedFileSource, shareSource, sourceFromShared } from "../sources/record-source";
import { WRITTEN_T3_KEYS } from "./reference-compositions";
import {
  type ReferenceInput,
  type ReferenceJob,
  SharedQueue,
  type TaskFailure,
  scanQueued,
  warmWrittenSources,
  writeQueued,
} from "./reference-work";

export interface SecondThreadInput {
  inputs: ReferenceInput[];
  scanQueue: SharedArrayBuffer;
  jobQueue: SharedArrayBuffer;
}

type FromMain =
  | { type: "sources"; sources: SharedFileSource[] }
  | { type: "jobs"; jobs: ReferenceJob[]; count: number; llava: SharedFileSource };

function send(msg: unknown): void {
  parentPort!.postMessage(msg);
}

function failureMessage(f: TaskFailure | null) {
  return f === null ? null : { k: f.k, error: errorForThread(f.error) };
}

/** The next message of `type` from the main thread. */
function nextMessage<T extends FromMain["type"]>(type: T): Promise<Extract<FromMain, { type: T }>> {
  return new Promise((resolve) => {
    const on = (msg: FromMain) => {
      if (msg.type !== type) return;
      parentPort!.off("message", on);
      resolve(msg as Extract<FromMain, { type: T }>);
    };
    parentPort!.on("message", on);
  });
}

async function main(): Promise<void> {
  const { inputs, scanQueue, jobQueue } = workerInput<SecondThreadInput>();
  // Listening before the first await, so that no message is missed.
  const sourcesMessage = nextMessage("sources");
  const jobsMessage = nextMessage("jobs");
  const scanFailures = await scanQueued(
    inputs,
    new SharedQueue(inputs.length, scanQueue),
    (k, s, aligned) => send({ type: "scanned", k, source: shareSource(s), aligned }),
  );
  send({ type: "scans-done", failures: scanFailures.map(failureMessage) });

  // All 14 as the main thread put them together, on the shared memory.
  const sources = (await sourcesMessage).sources.map((d) => sourceFromShared(d));
  try {
    await warmWrittenSources(sources);
  } catch (error) {
    send({ type: "warmed", failure: failureMessage({ k: -1, error }) });
    // Takes no file, but answers, so that the main thread is never left waiting.
    await jobsMessage;
    send({ type: "jobs-done", failure: null });
    return;
  }
  // The caches grew new slabs here: the main thread takes the sources back with them.
  const warmed = sources.map((s) => (WRITTEN_T3_KEYS.includes(s.name) ? shareSource(s) : null));
  send({ type: "warmed", failure: null, sources: warmed });

  const { jobs, count, llava } = await jobsMessage;
  sources[0] = sourceFromShared(llava);
  const failure = await writeQueued(jobs, sources, new SharedQueue(count, jobQueue), {
    ready: async () => undefined,
    onStart: (k) => send({ type: "writing", k }),
    onWritten: (k, bytes) => send({ type: "written", k, bytes }),
  });
  send({ type: "jobs-done", failure: failureMessage(failure) });
}

main().catch((e) => send({ type: "crashed", error: errorForThread(e) }));
