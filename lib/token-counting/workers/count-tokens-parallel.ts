/**
 * Counts a stream of records on every core: the main thread reads and checks records
 * (readConversation) and posts batches to worker threads, each with its own tokenizer;
 * rows come back in input order. One worker per core by default, except for the plain
 * Rust Qwen2 tokenizer (`qwen2Implementation: "rust"`), which defaults to `workers: 0`:
 * the main thread reads and plans the next batch while Rust tokenizes the current one on
 * every core (rayon), which measured faster here than worker threads competing with it.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import {
  type ThreadError,
  errorForThread,
  errorFromThread,
  startWorker,
} from "../../threads/index";
import { type CountOptions, type TokenCountRow, countConversations } from "../count-record-tokens";
import { type Conversation, readConversation } from "../template/read-conversation";

export interface ParallelCountOptions extends Omit<CountOptions, "tokenizer" | "startIndex"> {
  /** Tokenizer name (workers load their own). Default qwen2. */
  tokenizer?: string;
  /** Worker threads; default one per core (0 for the plain Rust Qwen2). 0 = main thread. */
  workers?: number;
  /** Records per batch (default 512). */
  batchSize?: number;
  /** Source for records that carry none (T3 pairs): e.g. the file's name. */
  defaultSource?: string;
}

type Reply = {
  id: number;
  rows?: TokenCountRow[];
  error?: ThreadError;
};

function startCountWorker(options: ParallelCountOptions): Worker {
  const { workers: _w, batchSize: _b, defaultSource: _d, ...countOptions } = options;
  return startWorker(join(__dirname, "token-count-worker-body.ts"), countOptions);
}

/**
 * Yields one row per record of `records`, in order. Throws the first InputError (naming
 * file, record and field) as soon as its batch comes back.
 */
export async function* countTokensParallel(
  records:
    | AsyncIterable<{ index: number; record: unknown }>
    | Iterable<{ index: number; record: unknown }>,
  options: ParallelCountOptions = {},
): AsyncGenerator<TokenCountRow> {
  const file = options.file ?? "<records>";
  // The plain Rust tokenizer already spreads each batch over every core (rayon): worker
  // threads would only compete with it, so it runs on the main thread, in bigger batches.
  const rustQwen2 =
    (options.tokenizer ?? "qwen2") === "qwen2" && options.qwen2Implementation === "rust";
  const batchSize = options.batchSize ?? (rustQwen2 ? 1024 : 512);
  const nWorkers = options.workers ?? (rustQwen2 ? 0 : availableParallelism());
  // Workers start with the third batch: a small file is counted on the main thread
  // without paying for a tokenizer load per worker (about a second each).
  const workers: Worker[] = [];
  const pending = new Map<number, (r: Reply) => void>();
  const startWorkers = () => {
    for (let i = 0; i < nWorkers; i++) {
      const w = startCountWorker(options);
      w.on("message", (r: Reply) => pending.get(r.id)?.(r));
      w.on("error", (e) => {
        for (const resolve of pending.values()) resolve({ id: -1, error: errorForThread(e) });
      });
      workers.push(w);
    }
  };
  let nextId = 0;
  const inFlight: Promise<Reply>[] = [];
  const submit = (conversations: Conversation[], startIndex: number) => {
    const id = nextId++;
    if (nWorkers > 0 && id === 2) startWorkers();
    if (workers.length === 0) {
      inFlight.push(
        countConversations(conversations, { ...options, startIndex }).then(
          (rows) => ({ id, rows }),
          (err) => ({ id, error: errorForThread(err) }),
        ),
      );
      return;
    }
    inFlight.push(new Promise<Reply>((resolve) => pending.set(id, resolve)));
    workers[id % workers.length].postMessage({ id, conversations, startIndex });
  };
  const take = async (): Promise<TokenCountRow[]> => {
    const reply = await inFlight.shift()!;
    pending.delete(reply.id);
    if (reply.error) throw errorFromThread(reply.error, "token-count worker");
    return reply.rows!;
  };
  try {
    let batch: Conversation[] = [];
    let batchStart = 0;
    for await (const { index, record } of records) {
      if (batch.length === 0) batchStart = index;
      const conv = readConversation(record, file, index);
      if (conv.source === "tempqa" && options.defaultSource) conv.source = options.defaultSource;
      batch.push(conv);
      if (batch.length >= batchSize) {
        submit(batch, batchStart);
        batch = [];
        // Keep two batches per worker in flight: enough to hide reading, bounded memory.
        while (inFlight.length >= Math.max(2, nWorkers * 2)) for (const r of await take()) yield r;
      }
    }
    if (batch.length > 0) submit(batch, batchStart);
    while (inFlight.length > 0) for (const r of await take()) yield r;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
