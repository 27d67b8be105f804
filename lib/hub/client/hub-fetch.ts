/**
 * Retries for Hub requests: @huggingface/hub 2.17.5 gives up on the first 500, 429 or
 * dropped connection. hubFetch wraps `fetch` (and is passed to the library as its
 * `fetch`), retrying those through lib/http's retryHttp: exponential backoff from 0.5 s
 * with bounded jitter, the server's Retry-After, 5 tries in all, 30 s a try and 2 minutes
 * a call (T3KIT_HTTP_TIMEOUT / _RETRIES / _DEADLINE change them).
 */
import {
  HttpRetriesExhausted,
  type RetryEvent,
  type RetryPolicy,
  parseRetryAfter,
  retryHttp,
  withTrySignal,
} from "../../http/index";

/**
 * The Hub's retries by default: 5 tries; waits from 0.5 s, doubled, ×[0.75, 1.25), at
 * most 30 s, Retry-After included; 30 s a try and 2 minutes a call for the API. A
 * download's try has no deadline of its own (it takes as long as its bytes do): it fails
 * when no byte comes for tryTimeoutMs (see download-blob.ts).
 */
export const DEFAULT_RETRY: RetryPolicy = {
  tries: 5,
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 0.25,
  maxRetryAfterSeconds: 30,
  tryTimeoutMs: 30_000,
  deadlineMs: 120_000,
};

/** 429 and every 5xx except 501 (not implemented: retrying cannot help). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * A retry as the Hub's notices say it:
 * `hub: <what or URL>: <problem>; retry 2 of 4 in 1.1 s`.
 */
export function retryNotice(what: string, e: RetryEvent): string {
  return `hub: ${what ? `${what}: ` : ""}${e.problem}; retry ${e.retry} of ${e.tries - 1} in ${(e.waitMs / 1000).toFixed(1)} s`;
}

/** The error that stands for a call whose tries are spent: the last one's own. */
export function lastTryError(err: unknown): unknown {
  return err instanceof HttpRetriesExhausted && err.cause !== undefined ? err.cause : err;
}

/**
 * A `fetch` that retries retryable statuses and network errors. The final failing
 * response is returned as is, so callers (and the library) still see its status; a call
 * whose tries or deadline run out on network errors or missed deadlines throws
 * HttpRetriesExhausted (the last error is its cause).
 */
export function hubFetch(
  policy: RetryPolicy = DEFAULT_RETRY,
  notice: (message: string) => void = () => undefined,
  baseFetch: typeof fetch = fetch,
): typeof fetch {
  return (input, init) =>
    retryHttp<Response>(
      policy,
      async (t) => {
        const res = await baseFetch(input, withTrySignal(init, t));
        if (!isRetryableStatus(res.status) || t.last) return { value: res };
        await res.body?.cancel();
        return {
          retry: `HTTP ${res.status}`,
          retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")),
        };
      },
      { onRetry: (e) => notice(retryNotice(requestUrl(input), e)) },
    );
}

/** The URL a fetch was asked for, without its query (for notices). */
function requestUrl(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return url.split("?")[0];
}
