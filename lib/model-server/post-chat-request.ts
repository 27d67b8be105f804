/**
 * One chat-completions request with retries. Retried: HTTP 408, 409, 425, 429 and 5xx,
 * dropped connections, timeouts, and bodies cut short or not in the protocol (a proxy's
 * error page). Not retried: other 4xx (a wrong model name or a bad request stays wrong).
 * The wait doubles after each try and honours a numeric `Retry-After` header.
 */
import { type ChatReply, MalformedReply, describeBody, readChatReply } from "./read-chat-reply";

export interface RetryPolicy {
  maxRetries: number;
  backoffMs: number;
  timeoutMs: number;
}

/** A request that failed for good: names the URL, the conversation and the last problem. */
export class ChatServerError extends Error {}

const RETRIED_STATUSES = new Set([408, 409, 425, 429]);
/** Longest wait a server's Retry-After may ask for. */
const MAX_RETRY_AFTER_MS = 60_000;

type TryOutcome = { reply: ChatReply } | { problem: string; retryAfterMs?: number };

export async function postChatRequest(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: RetryPolicy,
  label: string,
): Promise<ChatReply & { tries: number }> {
  let delay = policy.backoffMs;
  for (let attempt = 0; ; attempt++) {
    const outcome = await tryOnce(url, headers, body, policy.timeoutMs, label);
    if ("reply" in outcome) return { ...outcome.reply, tries: attempt + 1 };
    if (attempt >= policy.maxRetries)
      throw new ChatServerError(
        `${url}: ${label}: gave up after ${attempt + 1} tries (last: ${outcome.problem})`,
      );
    await sleep(Math.max(delay, outcome.retryAfterMs ?? 0));
    delay *= 2;
  }
}

async function tryOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  label: string,
): Promise<TryOutcome> {
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    retryAfter = res.headers.get("retry-after");
    text = await res.text();
  } catch (err) {
    return { problem: networkProblem(err, timeoutMs) };
  }
  if (status >= 200 && status < 300) {
    try {
      return { reply: readChatReply(text) };
    } catch (err) {
      if (err instanceof MalformedReply) return { problem: `HTTP ${status}: ${err.message}` };
      throw err;
    }
  }
  const problem = `HTTP ${status}: ${describeBody(text)}`;
  if (status >= 500 || RETRIED_STATUSES.has(status))
    return { problem, retryAfterMs: retryAfterMs(retryAfter) };
  throw new ChatServerError(`${url}: ${label}: ${problem} (not retried)`);
}

function networkProblem(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError") return `no reply within ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : e.message;
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+(\.\d+)?\s*$/.test(header)) return undefined;
  return Math.min(Number(header) * 1000, MAX_RETRY_AFTER_MS);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
