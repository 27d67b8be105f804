/**
 * One HTTP call, retried under a RetryPolicy: each try gets its own deadline (the
 * policy's tryTimeoutMs, cut to what is left of the call's deadlineMs), says what it came to (a value, or a problem another try may
 * not have, with the server's Retry-After), and a network failure or a missed deadline
 * is a problem of that kind. Between tries the wait is retryDelayMs's; a notice of each
 * retry goes to `onRetry` (the library prints nothing; a command may). No wait is begun that
 * would end past the call's deadline: the call gives up then, saying so. Used by the Hub
 * client and its downloads (lib/hub) and the chat client (lib/model-server).
 */
import { describeNetworkError, isNetworkError, isTimeout } from "./network-error";
import { type RetryPolicy, retryDelayMs } from "./retry-policy";

/** One try: its number (1 for the first), whether no other follows, its deadline. */
export interface HttpTry {
  attempt: number;
  last: boolean;
  /** Aborts the try at the policy's tryTimeoutMs (undefined: no deadline). */
  signal: AbortSignal | undefined;
}

/**
 * What a try came to: `{ value }`, or `{ retry }` saying what went wrong, with the
 * seconds the server's Retry-After asked for and the error that stands for the problem
 * when no try is left.
 */
export type HttpTryOutcome<T> =
  | { value: T }
  | { retry: string; retryAfterSeconds?: number; error?: unknown };

/** A retry about to happen: which one (1 for the first), after how long, and why. */
export interface RetryEvent {
  retry: number;
  /** Tries in all (the policy's), so a notice can say "try 2 of 6". */
  tries: number;
  waitMs: number;
  problem: string;
}

export interface RetryHooks {
  onRetry?: (event: RetryEvent) => void;
  /** For tests: the wait, and the jitter's random numbers. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** For tests: the clock, in ms (default performance.now). */
  now?: () => number;
}

/** Every try failed: how many, the last problem, and (as `cause`) the last error, if any. */
export class HttpRetriesExhausted extends Error {
  constructor(
    readonly tries: number,
    readonly problem: string,
    cause?: unknown,
    /** Set when the call's deadline, not the count of tries, ended it. */
    readonly deadlineMs?: number,
  ) {
    const why =
      deadlineMs === undefined
        ? `gave up after ${tries} ${tries === 1 ? "try" : "tries"}`
        : `gave up after ${tries} ${tries === 1 ? "try" : "tries"}: the deadline of ${formatMs(deadlineMs)} would pass before another`;
    super(`${why} (last: ${problem})`, { cause });
    this.name = "HttpRetriesExhausted";
  }
}

/** "150 ms" under a second, else "2.5 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Runs `tryOnce` until it gives a value or the policy's tries are spent (then throws
 * HttpRetriesExhausted). Errors `tryOnce` throws are retried when they are network
 * failures or its deadline; any other error ends the call at once.
 *
 * @example const res = await retryHttp(policy, async (t) => ({ value: await fetch(url, { signal: t.signal }) }));
 */
export async function retryHttp<T>(
  policy: RetryPolicy,
  tryOnce: (t: HttpTry) => Promise<HttpTryOutcome<T>>,
  hooks: RetryHooks = {},
): Promise<T> {
  const now = hooks.now ?? (() => performance.now());
  const deadline =
    policy.deadlineMs === undefined ? Number.POSITIVE_INFINITY : now() + policy.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    const timeoutMs = tryTimeout(policy.tryTimeoutMs, deadline - now());
    const t: HttpTry = {
      attempt,
      last: attempt >= policy.tries,
      signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    };
    const outcome = await settle(tryOnce, t, timeoutMs);
    if ("value" in outcome) return outcome.value;
    if (t.last) throw new HttpRetriesExhausted(attempt, outcome.retry, outcome.error);
    const waitMs = retryDelayMs(attempt, policy, outcome.retryAfterSeconds, hooks.random);
    if (now() + waitMs >= deadline)
      throw new HttpRetriesExhausted(attempt, outcome.retry, outcome.error, policy.deadlineMs);
    hooks.onRetry?.({ retry: attempt, tries: policy.tries, waitMs, problem: outcome.retry });
    await (hooks.sleep ?? sleep)(waitMs);
  }
}

/** A try's deadline: the policy's, cut to what is left of the call's (at least 1 ms). */
function tryTimeout(tryTimeoutMs: number | undefined, leftMs: number): number | undefined {
  if (!Number.isFinite(leftMs)) return tryTimeoutMs;
  const left = Math.max(1, Math.ceil(leftMs));
  return tryTimeoutMs === undefined ? left : Math.min(tryTimeoutMs, left);
}

/** The try's outcome, with a network failure or a missed deadline as a retry. */
async function settle<T>(
  tryOnce: (t: HttpTry) => Promise<HttpTryOutcome<T>>,
  t: HttpTry,
  timeoutMs: number | undefined,
): Promise<HttpTryOutcome<T>> {
  try {
    return await tryOnce(t);
  } catch (err) {
    if (!isNetworkError(err) && !isTimeout(err)) throw err;
    return { retry: describeNetworkError(err, timeoutMs), error: err };
  }
}

/** `init` with the try's deadline added to any signal it has. */
export function withTrySignal(init: RequestInit | undefined, t: HttpTry): RequestInit | undefined {
  if (!t.signal) return init;
  const signal = init?.signal ? AbortSignal.any([init.signal, t.signal]) : t.signal;
  return { ...init, signal };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
