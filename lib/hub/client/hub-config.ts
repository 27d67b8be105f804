/**
 * Where the Hub is and where its downloads live, read from the same environment
 * variables, with the same defaults, as Python's huggingface_hub (`constants.py`), so the
 * kit and Python tools share one cache and one token.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { InputError } from "../../errors/index";

export interface HubConfig {
  /** `HF_ENDPOINT`, default `https://huggingface.co`, without a trailing slash. */
  endpoint: string;
  /** `HF_TOKEN`, else `HUGGING_FACE_HUB_TOKEN`, else the file `$HF_HOME/token`. */
  token: string | undefined;
  /** `HF_HOME`, default `$XDG_CACHE_HOME/huggingface` or `~/.cache/huggingface`. */
  home: string;
  /** `HF_HUB_CACHE`, else `HUGGINGFACE_HUB_CACHE`, else `$HF_HOME/hub`. */
  cacheDir: string;
  /** `HF_HUB_OFFLINE=1`: never touch the network; answer from the cache only. */
  offline: boolean;
}

type Env = Record<string, string | undefined>;

function expandHome(p: string): string {
  return p === "~" || p.startsWith("~/") ? join(homedir(), p.slice(1)) : p;
}

function envValue(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

/** Python's `_is_true`: "1", "ON", "YES", "TRUE" in any case. */
function envFlag(env: Env, name: string): boolean {
  return ["1", "on", "yes", "true"].includes((envValue(env, name) ?? "").toLowerCase());
}

function readTokenFile(path: string): string | undefined {
  try {
    const t = readFileSync(path, "utf8").trim();
    return t === "" ? undefined : t;
  } catch {
    return undefined;
  }
}

/**
 * Reads the Hub settings from `env` (default `process.env`) on every call, so a notebook
 * or a test can change them between calls.
 *
 * @example hubConfig({ HF_HOME: "/data/hf" }).cacheDir // "/data/hf/hub"
 */
export function hubConfig(env: Env = process.env): HubConfig {
  const xdg = envValue(env, "XDG_CACHE_HOME") ?? join(homedir(), ".cache");
  const home = resolve(expandHome(envValue(env, "HF_HOME") ?? join(xdg, "huggingface")));
  const cacheDir = resolve(
    expandHome(
      envValue(env, "HF_HUB_CACHE") ?? envValue(env, "HUGGINGFACE_HUB_CACHE") ?? join(home, "hub"),
    ),
  );
  const tokenPath = expandHome(envValue(env, "HF_TOKEN_PATH") ?? join(home, "token"));
  const token =
    envValue(env, "HF_TOKEN") ??
    envValue(env, "HUGGING_FACE_HUB_TOKEN") ??
    readTokenFile(tokenPath);
  const endpoint = (envValue(env, "HF_ENDPOINT") ?? "https://huggingface.co").replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(endpoint))
    throw new InputError(
      { file: "HF_ENDPOINT" },
      `"${endpoint}" is not an http(s) URL (e.g. https://huggingface.co or a mirror)`,
    );
  return { endpoint, token, home, cacheDir, offline: envFlag(env, "HF_HUB_OFFLINE") };
}
