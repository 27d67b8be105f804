/**
 * The reference recipe's second thread: it scans the 13 T3 files (while the main thread
 * scans the LLaVA file), reports their sizes, then writes the T3-only files it is given.
 * Started by reference-recipe.ts; messages: → {counts} | {written} | {error}.
 */
import { parentPort } from "node:worker_threads";
import { ByteBuilder, PYTHON_INDENT_4 } from "../json/index";
import { T3_FILES } from "../records/t3-vocabulary";
import { errorForThread, workerInput } from "../threads/index";
import type { RecordSource } from "./record-source";
import { WRITTEN_T3_KEYS } from "./reference-compositions";
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
  send({ type: "error", error: errorForThread(e) });
}

async function main(): Promise<void> {
  const { t3Dir } = workerInput<{ t3Dir: string }>();
  let sources: Awaited<ReturnType<typeof loadT3Sources>>;
  try {
    sources = await loadT3Sources(t3Dir);
  } catch (e) {
    sendError(e);
    return;
  }
  send({ type: "counts", counts: sources.map((s) => s.count) });
  // While the main thread is still reading the LLaVA file (the draws need its size), check
  // and lay out every record of the files the recipe writes: their bytes are cached, so
  // the writing afterwards is copying.
  const warming = warmWrittenSources(sources);
  parentPort!.on("message", async (msg: { type: "write"; jobs: Job[] }) => {
    try {
      await warming;
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

async function warmWrittenSources(sources: RecordSource[]): Promise<void> {
  const scratch = new ByteBuilder(1 << 20);
  for (const [k, f] of T3_FILES.entries()) {
    if (!WRITTEN_T3_KEYS.includes(f.key)) continue;
    for (let i = 0; i < sources[k].count; i++) {
      sources[k].emit(i, scratch, 1, PYTHON_INDENT_4);
      scratch.clear();
      if (i % 5000 === 4999) await new Promise((r) => setImmediate(r));
    }
  }
}

main();
