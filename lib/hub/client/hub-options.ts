import {
  DEFAULT_RETRY,
  type RetryNotice,
  type RetryPolicy,
  fetchWithRetry,
} from "./fetch-with-retry";
/** The settings every Hub verb takes; each has a default from the environment. */
import { type HubConfig, hubConfig } from "./hub-config";

export interface HubOptions {
  /** Endpoint, token, cache folder; default `hubConfig()` (HF_ENDPOINT, HF_TOKEN, HF_HOME…). */
  config?: HubConfig;
  /** Retries on 429, 5xx and dropped connections; default 5 tries from 0.5 s, at most 30 s. */
  retry?: RetryPolicy;
  /** Progress: false for none; default a bar on stderr (periodic lines when not a TTY). */
  progress?: boolean | NodeJS.WriteStream;
  /** Where retry notices go; default stderr. */
  notice?: RetryNotice;
  /** Files downloaded at once (default 4). */
  concurrency?: number;
}

/** Options with every default filled in, and the retrying fetch built once. */
export interface ResolvedHubOptions {
  config: HubConfig;
  retry: RetryPolicy;
  progress: false | NodeJS.WriteStream;
  notice: RetryNotice;
  concurrency: number;
  fetch: typeof fetch;
}

export function resolveHubOptions(options: HubOptions = {}): ResolvedHubOptions {
  const retry = options.retry ?? DEFAULT_RETRY;
  const notice = options.notice ?? ((m: string) => process.stderr.write(`${m}\n`));
  const progress =
    options.progress === false
      ? false
      : options.progress === true || options.progress === undefined
        ? process.stderr
        : options.progress;
  return {
    config: options.config ?? hubConfig(),
    retry,
    progress,
    notice,
    concurrency: Math.max(1, options.concurrency ?? 4),
    fetch: fetchWithRetry(retry, notice),
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
