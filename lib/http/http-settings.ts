/**
 * The deadlines and retries of every network call, as a user sets them: the environment
 * variables T3KIT_HTTP_TIMEOUT (seconds one try may take), T3KIT_HTTP_RETRIES (retries
 * after the first try) and T3KIT_HTTP_DEADLINE (seconds one call may take, its tries and
 * waits together), which a command's --timeout, --retries and --deadline flags override.
 * Unset, each client keeps its own default (lib/model-server, lib/hub).
 */
import { InputError } from "../errors/index";
import type { RetryPolicy } from "./retry-policy";

/** What a user may set; an absent field keeps the client's default. */
export interface HttpSettings {
  /** One try's deadline in ms. */
  tryTimeoutMs?: number;
  /** Retries after the first try. */
  retries?: number;
  /** The whole call's deadline in ms. */
  deadlineMs?: number;
}

export const HTTP_ENV = {
  timeout: "T3KIT_HTTP_TIMEOUT",
  retries: "T3KIT_HTTP_RETRIES",
  deadline: "T3KIT_HTTP_DEADLINE",
} as const;

type Env = Record<string, string | undefined>;

/** Seconds > 0 (a decimal fraction too) as ms, or undefined when unset; else an InputError. */
function secondsMs(env: Env, name: string): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds > 0) || !Number.isFinite(seconds))
    throw new InputError({ file: name }, `"${text}" is not a number of seconds > 0 (e.g. 60)`);
  return Math.round(seconds * 1000);
}

function count(env: Env, name: string): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return undefined;
  if (!/^\d{1,4}$/.test(text))
    throw new InputError({ file: name }, `"${text}" is not a whole number from 0 to 9999`);
  return Number(text);
}

/**
 * The settings in `env` (default `process.env`), read on every call.
 *
 * @example httpSettingsFromEnv({ T3KIT_HTTP_TIMEOUT: "20" }) // { tryTimeoutMs: 20000 }
 */
export function httpSettingsFromEnv(env: Env = process.env): HttpSettings {
  const settings: HttpSettings = {};
  const tryTimeoutMs = secondsMs(env, HTTP_ENV.timeout);
  const retries = count(env, HTTP_ENV.retries);
  const deadlineMs = secondsMs(env, HTTP_ENV.deadline);
  if (tryTimeoutMs !== undefined) settings.tryTimeoutMs = tryTimeoutMs;
  if (retries !== undefined) settings.retries = retries;
  if (deadlineMs !== undefined) settings.deadlineMs = deadlineMs;
  return settings;
}

/**
 * `policy` with what the user set: the flags' `settings` first, then the environment's,
 * then the policy's own.
 */
export function withHttpSettings(
  policy: RetryPolicy,
  settings: HttpSettings = {},
  env: Env = process.env,
): RetryPolicy {
  const s = { ...httpSettingsFromEnv(env), ...definedOnly(settings) };
  return {
    ...policy,
    ...(s.retries === undefined ? {} : { tries: s.retries + 1 }),
    ...(s.tryTimeoutMs === undefined ? {} : { tryTimeoutMs: s.tryTimeoutMs }),
    ...(s.deadlineMs === undefined ? {} : { deadlineMs: s.deadlineMs }),
  };
}

function definedOnly(s: HttpSettings): HttpSettings {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
}
