/**
 * Body of a token-counting worker thread: loads its own tokenizer once, then counts the
 * batches of conversations the main thread posts and answers with rows or an error.
 */
import { parentPort } from "node:worker_threads";
import { errorForThread, workerInput } from "../../threads/index";
import { type CountOptions, countConversations } from "../count-record-tokens";
import type { Conversation } from "../template/read-conversation";

export interface WorkerBatch {
  id: number;
  conversations: Conversation[];
  startIndex: number;
}

const options = workerInput<CountOptions>();

parentPort!.on("message", async (batch: WorkerBatch) => {
  try {
    const rows = await countConversations(batch.conversations, {
      ...options,
      startIndex: batch.startIndex,
    });
    parentPort!.postMessage({ id: batch.id, rows });
  } catch (err) {
    parentPort!.postMessage({ id: batch.id, error: errorForThread(err) });
  }
});
