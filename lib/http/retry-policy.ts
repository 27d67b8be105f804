/**
 * How an HTTP call is retried, one shape for every caller (the Hub client, the Hub
 * downloads, the chat client): how many tries, how long to wait between them, how much
 * of a server's Retry-After to honour, and how long one try may take.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  tries: number;
  /** The wait before the first retry, in ms; doubled before each later one. */
  firstDelayMs: number;
  /** No backoff wait is longer (Infinity: no cap). */
  maxDelayMs: number;
  /**
   * Spread of each backoff wait: it is multiplied by a factor drawn from
   * [1 - jitter, 1 + jitter), so that many clients do not retry in step (0: none).
   */
  jitter: number;
  /**
   * A server's Retry-After (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) is honoured
   * up to this many seconds: the wait is never shorter than what it asks, up to this.
   */
  maxRetryAfterSeconds: number;
  /** One try's deadline in ms, answer included (undefined: none). */
  tryTimeoutMs?: number;
  /**
   * The whole call's deadline in ms, every try and wait included (undefined: none): no try
   * runs past it, and no wait is begun that would end past it.
   */
  deadlineMs?: number;
}

/**
 * The wait in ms before retry number `retry` (1 for the first retry):
 * firstDelayMs·2^(retry-1), times the jitter factor, at most maxDelayMs; and never
 * shorter than the server's Retry-After (`retryAfterSeconds`), itself capped at
 * maxRetryAfterSeconds.
 *
 * @example retryDelayMs(3, { tries: 5, firstDelayMs: 500, maxDelayMs: 30_000, jitter: 0, maxRetryAfterSeconds: 30 }) // 2000
 */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  const spread = policy.jitter === 0 ? 1 : 1 - policy.jitter + 2 * policy.jitter * random();
  const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (retry - 1) * spread);
  const asked = Math.min(retryAfterSeconds ?? 0, policy.maxRetryAfterSeconds) * 1000;
  return Math.max(backoff, asked);
}
