/**
 * The disk cache of answers: one JSON file per request, named by the sha256 of what decides
 * the answer (URL, model, messages, max_tokens; decoding is always greedy). Written through
 * a temp file and a rename, so an interrupted run leaves whole entries only; an entry that
 * cannot be read is treated as absent and asked again.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../files/index";
import type { ChatReply } from "./read-chat-reply";

export function cacheKey(requestBody: object, url: string): string {
  return createHash("sha256")
    .update(JSON.stringify({ url, body: requestBody }))
    .digest("hex");
}

function entryPath(cacheDir: string, key: string): string {
  return join(cacheDir, key.slice(0, 2), `${key}.json`);
}

export async function readCachedAnswer(
  cacheDir: string,
  key: string,
): Promise<ChatReply | undefined> {
  let raw: string;
  try {
    raw = await readFile(entryPath(cacheDir, key), "utf8");
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(raw) as { key?: unknown; text?: unknown; finishReason?: unknown };
    if (entry.key !== key || typeof entry.text !== "string") return undefined;
    return typeof entry.finishReason === "string"
      ? { text: entry.text, finishReason: entry.finishReason }
      : { text: entry.text };
  } catch {
    return undefined;
  }
}

export async function writeCachedAnswer(
  cacheDir: string,
  key: string,
  model: string,
  reply: ChatReply,
): Promise<void> {
  const entry = { key, model, text: reply.text, finishReason: reply.finishReason ?? null };
  await writeFileAtomic(entryPath(cacheDir, key), `${JSON.stringify(entry)}\n`);
}
