/**
 * HTTP calls retried the one way (a shared floor): a RetryPolicy (tries, waits,
 * Retry-After in seconds as RFC 9110 gives it, a deadline per try) and retryHttp, which
 * the Hub client, the Hub downloads and the chat client all go through.
 */
export { retryDelayMs, type RetryPolicy } from "./retry-policy";
export { parseRetryAfter } from "./retry-after";
export { describeNetworkError, isNetworkError, isTimeout } from "./network-error";
export {
  HttpRetriesExhausted,
  retryHttp,
  withTrySignal,
  type HttpTry,
  type HttpTryOutcome,
  type RetryEvent,
  type RetryHooks,
} from "./retry-http";
