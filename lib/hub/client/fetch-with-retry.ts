/**
 * Retries for Hub requests: @huggingface/hub 2.17.5 gives up on the first 500, 429 or
 * dropped connection. This wraps `fetch` (and is passed to the library as its `fetch`),
 * retrying those with exponential backoff, bounded jitter and the server's Retry-After.
 */

export interface RetryPolicy {
  /** Tries in all, the first included (default 5). */
  attempts: number;
  /** The first wait in ms (default 500); doubled on each retry. */
  baseDelayMs: number;
  /** No single wait is longer (default 30 s), Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** 429 and every 5xx except 501 (not implemented: retrying cannot help). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * A dropped or refused connection: undici's "fetch failed" / "terminated" TypeErrors and
 * the socket errors underneath them. Programming errors (bad URL…) are not retried.
 */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "AbortError") return false;
  const codes = ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "EAI_AGAIN"];
  let e: unknown = err;
  for (let i = 0; i < 4 && e instanceof Error; i++) {
    const code = (e as { code?: string }).code;
    if (code && (codes.includes(code) || code.startsWith("UND_ERR"))) return true;
    if (e instanceof TypeError && /fetch failed|terminated|other side closed/i.test(e.message)) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds or an HTTP date, as ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before retry number `retry` (1 for the first retry): base·2^(retry-1), times a
 * jitter factor in [0.75, 1.25) so that many clients do not retry in step, and never
 * shorter than Retry-After, never longer than `maxDelayMs`.
 */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const exp = policy.baseDelayMs * 2 ** (retry - 1) * (0.75 + random() / 2);
  return Math.min(policy.maxDelayMs, Math.max(exp, retryAfterMs ?? 0));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Says why a retry happens (to stderr by default). */
export type RetryNotice = (message: string) => void;

/**
 * A `fetch` that retries retryable statuses and network errors. The final failing
 * response is returned as is, so callers (and the library) still see its status.
 */
export function fetchWithRetry(
  policy: RetryPolicy = DEFAULT_RETRY,
  notice: RetryNotice = (m) => process.stderr.write(`${m}\n`),
  baseFetch: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      let res: Response | undefined;
      try {
        res = await baseFetch(input, init);
      } catch (err) {
        if (!isNetworkError(err) || attempt >= policy.attempts) throw err;
        const wait = backoffDelay(attempt, policy);
        notice(`hub: ${(err as Error).message}; retry ${attempt} in ${(wait / 1000).toFixed(1)} s`);
        await sleep(wait);
        continue;
      }
      if (!isRetryableStatus(res.status) || attempt >= policy.attempts) return res;
      const wait = backoffDelay(attempt, policy, parseRetryAfter(res.headers.get("retry-after")));
      await res.body?.cancel();
      notice(`hub: HTTP ${res.status}; retry ${attempt} in ${(wait / 1000).toFixed(1)} s`);
      await sleep(wait);
    }
  };
}
