/**
 * Retries for Hub requests: @huggingface/hub 2.17.5 gives up on the first 500, 429 or
 * dropped connection. hubFetch wraps `fetch` (and is passed to the library as its
 * `fetch`), retrying those through lib/http's retryHttp: exponential backoff from 0.5 s
 * with bounded jitter, the server's Retry-After, 5 tries in all.
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
 * most 30 s, Retry-After included; no deadline per try yet (a download takes as long as
 * its bytes do).
 */
export const DEFAULT_RETRY: RetryPolicy = {
  tries: 5,
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 0.25,
  maxRetryAfterSeconds: 30,
};

/** 429 and every 5xx except 501 (not implemented: retrying cannot help). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/** A retry as the Hub's notices say it: `hub: <what>: <problem>; retry 2 in 1.1 s`. */
export function retryNotice(what: string, e: RetryEvent): string {
  return `hub: ${what ? `${what}: ` : ""}${e.problem}; retry ${e.retry} in ${(e.waitMs / 1000).toFixed(1)} s`;
}

/** The error that stands for a call whose tries are spent: the last one's own. */
export function lastTryError(err: unknown): unknown {
  return err instanceof HttpRetriesExhausted && err.cause !== undefined ? err.cause : err;
}

/**
 * A `fetch` that retries retryable statuses and network errors. The final failing
 * response is returned as is, so callers (and the library) still see its status; the
 * final network error is thrown as fetch threw it.
 */
export function hubFetch(
  policy: RetryPolicy = DEFAULT_RETRY,
  notice: (message: string) => void = () => undefined,
  baseFetch: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    try {
      return await retryHttp<Response>(
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
        { onRetry: (e) => notice(retryNotice("", e)) },
      );
    } catch (err) {
      throw lastTryError(err);
    }
  };
}
