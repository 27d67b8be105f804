/**
 * Which failures of a try are worth another: a dropped or refused connection (undici's
 * "fetch failed" / "terminated" TypeErrors and the socket errors underneath them) and a
 * try that ran past its deadline. Programming errors (a bad URL …) and a caller's own
 * abort are not retried.
 */

const SOCKET_CODES = [
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "EAI_AGAIN",
];

/** A dropped or refused connection, found on the error or its causes. */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "AbortError") return false;
  let e: unknown = err;
  for (let i = 0; i < 4 && e instanceof Error; i++) {
    // DOMExceptions carry a numeric code: only socket errors' string codes count.
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (SOCKET_CODES.includes(code) || code.startsWith("UND_ERR")))
      return true;
    if (e instanceof TypeError && /fetch failed|terminated|other side closed/i.test(e.message)) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A try's deadline passed (AbortSignal.timeout's reason). */
export function isTimeout(err: unknown): boolean {
  return err instanceof Error && err.name === "TimeoutError";
}

/** What went wrong with a try, in one line: the error and the socket error under it. */
export function describeNetworkError(err: unknown, tryTimeoutMs?: number): string {
  if (isTimeout(err))
    return tryTimeoutMs === undefined
      ? "no reply in time"
      : tryTimeoutMs < 1000
        ? `no reply within ${tryTimeoutMs} ms`
        : `no reply within ${Number((tryTimeoutMs / 1000).toFixed(1))} s`;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : e.message;
}
