/**
 * One chat-completions request, retried through lib/http's retryHttp. Retried: HTTP 408,
 * 409, 425, 429 and 5xx, dropped connections, tries past their deadline, and bodies cut
 * short or not in the protocol (a proxy's error page). Not retried: other 4xx (a wrong
 * model name or a bad request stays wrong). The wait doubles after each try and honours
 * the server's Retry-After (up to 60 s).
 */
import { UserFacingError } from "../errors/index";
import {
  HttpRetriesExhausted,
  type HttpTry,
  type HttpTryOutcome,
  type RetryPolicy,
  formatMs,
  parseRetryAfter,
  retryHttp,
} from "../http/index";
import { type ChatReply, MalformedReply, describeBody, readChatReply } from "./read-chat-reply";

/** A request that failed for good: names the URL, the conversation and the last problem. */
export class ChatServerError extends UserFacingError {}

const RETRIED_STATUSES = new Set([408, 409, 425, 429]);

/**
 * The chat client's retries, from its options: `maxRetries` after the first try, waits
 * from `backoffMs` doubled each time (no jitter, no cap), a server's Retry-After honoured
 * up to 60 s, each try given `timeoutMs`, the whole request `deadlineMs`.
 */
export function chatRetryPolicy(
  maxRetries: number,
  backoffMs: number,
  timeoutMs: number,
  deadlineMs?: number,
): RetryPolicy {
  return {
    tries: maxRetries + 1,
    firstDelayMs: backoffMs,
    maxDelayMs: Number.POSITIVE_INFINITY,
    jitter: 0,
    maxRetryAfterSeconds: 60,
    tryTimeoutMs: timeoutMs,
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
  };
}

export async function postChatRequest(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: RetryPolicy,
  label: string,
  notice: (message: string) => void = () => undefined,
): Promise<ChatReply & { tries: number }> {
  try {
    return await retryHttp(policy, (t) => tryOnce(url, headers, body, label, t), {
      onRetry: (e) =>
        notice(
          `${url}: ${label}: ${e.problem}; try ${e.retry + 1} of ${e.tries} in ${formatMs(e.waitMs)}`,
        ),
    });
  } catch (err) {
    if (!(err instanceof HttpRetriesExhausted)) throw err;
    throw new ChatServerError(`${url}: ${label}: ${err.message}`);
  }
}

async function tryOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  label: string,
  t: HttpTry,
): Promise<HttpTryOutcome<ChatReply & { tries: number }>> {
  const res = await fetch(url, { method: "POST", headers, body, signal: t.signal });
  const text = await res.text();
  if (res.status >= 200 && res.status < 300) {
    try {
      return { value: { ...readChatReply(text), tries: t.attempt } };
    } catch (err) {
      if (err instanceof MalformedReply) return { retry: `HTTP ${res.status}: ${err.message}` };
      throw err;
    }
  }
  const problem = `HTTP ${res.status}: ${describeBody(text)}`;
  if (res.status >= 500 || RETRIED_STATUSES.has(res.status))
    return { retry: problem, retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")) };
  const hint =
    res.status === 401 || res.status === 403
      ? ": the server wants an API key (OPENAI_API_KEY)"
      : "";
  throw new ChatServerError(`${url}: ${label}: ${problem} (not retried${hint})`);
}
