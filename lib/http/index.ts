/**
 * HTTP calls retried the one way (a shared floor): a RetryPolicy (tries, waits,
 * Retry-After in seconds as RFC 9110 gives it, a deadline per try and one for the whole
 * call, which T3KIT_HTTP_TIMEOUT / _RETRIES / _DEADLINE set) and retryHttp, which
 * the Hub client, the Hub downloads and the chat client all go through.
 */
export { retryDelayMs, type RetryPolicy } from "./retry-policy";
export { parseRetryAfter } from "./retry-after";
export { describeNetworkError, isNetworkError, isTimeout } from "./network-error";
export {
  HTTP_ENV,
  httpSettingsFromEnv,
  withHttpSettings,
  type HttpSettings,
} from "./http-settings";
export {
  formatMs,
  HttpRetriesExhausted,
  retryHttp,
  withTrySignal,
  type HttpTry,
  type HttpTryOutcome,
  type RetryEvent,
  type RetryHooks,
} from "./retry-http";
