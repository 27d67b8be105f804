/**
 * The reference recipe's second thread: it scans the 13 T3 files (while the main thread
 * scans the LLaVA file), reports their sizes, then writes the T3-only files it is given.
 * Started by reference-recipe.ts; messages: → {counts} | {written} | {error}.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../errors/index";
import { loadT3Sources } from "./reference-t3-sources";
import { writeMixRecordsTo } from "./write-mix-file";

interface Job {
  temp: string;
  refs: Float64Array;
}

function send(msg: unknown): void {
  parentPort!.postMessage(msg);
}

function sendError(e: unknown): void {
  if (e instanceof InputError)
    send({ type: "error", input: { location: e.location, problem: e.problem } });
  else send({ type: "error", message: (e as Error).stack ?? String(e) });
}

async function main(): Promise<void> {
  const { t3Dir } = workerData as { t3Dir: string };
  let sources: Awaited<ReturnType<typeof loadT3Sources>>;
  try {
    sources = await loadT3Sources(t3Dir);
  } catch (e) {
    sendError(e);
    return;
  }
  send({ type: "counts", counts: sources.map((s) => s.count) });
  parentPort!.on("message", async (msg: { type: "write"; jobs: Job[] }) => {
    try {
      // The refs count sources from 1 (0 is LLaVA on the main thread).
      for (const j of msg.jobs)
        for (let k = 0; k < j.refs.length; k++)
          sources[Math.floor(j.refs[k] / 4294967296) - 1].check?.(j.refs[k] % 4294967296);
      const bytes: number[] = [];
      for (const j of msg.jobs)
        bytes.push(await writeMixRecordsTo(j.temp, j.refs, sources, "llava-json", 1));
      send({ type: "written", bytes });
    } catch (e) {
      sendError(e);
    }
  });
}

main();
