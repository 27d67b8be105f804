/**
 * The settings every Hub verb takes; each has a default (the environment for the
 * endpoint, token and cache). The library prints nothing: progress and notices go to
 * the callbacks a caller passes (the command line passes reporters that print them).
 */
import { type HttpSettings, type RetryPolicy, withHttpSettings } from "../../http/index";
import type { OnProgress } from "../../progress/index";
import { type HubConfig, hubConfig } from "./hub-config";
import { DEFAULT_RETRY, hubFetch } from "./hub-fetch";

export interface HubOptions {
  /** Endpoint, token, cache folder; default `hubConfig()` (HF_ENDPOINT, HF_TOKEN, HF_HOME…). */
  config?: HubConfig;
  /** Retries on 429, 5xx and dropped connections; default 5 tries from 0.5 s, at most 30 s. */
  retry?: RetryPolicy;
  /**
   * A user's deadlines and retries (a command's --timeout, --retries, --deadline), over
   * T3KIT_HTTP_TIMEOUT / T3KIT_HTTP_RETRIES / T3KIT_HTTP_DEADLINE, over `retry`.
   */
  http?: HttpSettings;
  /**
   * Download progress: `{ done, total, unit: "bytes", note }` as bytes arrive (note: the
   * repository and the number of files), `done` reaching `total` when all are in.
   */
  onProgress?: OnProgress;
  /** Notices: retries, patterns no file matches, a cached commit used while offline. */
  notice?: (message: string) => void;
  /** Files downloaded at once (default 4). */
  concurrency?: number;
}

/** Options with every default filled in, and the retrying fetch built once. */
export interface ResolvedHubOptions {
  config: HubConfig;
  retry: RetryPolicy;
  onProgress: OnProgress | undefined;
  notice: (message: string) => void;
  concurrency: number;
  fetch: typeof fetch;
}

export function resolveHubOptions(options: HubOptions = {}): ResolvedHubOptions {
  const retry = withHttpSettings(options.retry ?? DEFAULT_RETRY, options.http);
  const notice = options.notice ?? (() => undefined);
  return {
    config: options.config ?? hubConfig(),
    retry,
    onProgress: options.onProgress,
    notice,
    concurrency: Math.max(1, options.concurrency ?? 4),
    fetch: hubFetch(retry, notice),
  };
}

/** The credentials and endpoint passed explicitly on every library call (it reads no env). */
export function libraryParams(o: ResolvedHubOptions): {
  hubUrl: string;
  accessToken: string | undefined;
  fetch: typeof fetch;
} {
  return { hubUrl: o.config.endpoint, accessToken: o.config.token, fetch: o.fetch };
}
