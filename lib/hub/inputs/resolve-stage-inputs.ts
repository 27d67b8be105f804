/**
 * Where each notebook's data comes from: the small embedded default in data/ (no
 * network), or, with `T3KIT_SOURCE=hub`, the paper's released files on the Hugging Face
 * Hub, fetched into the shared cache. The first cell of every notebook shows
 * `dataSource("<stage>")`.
 */
import { join } from "node:path";
import { InputError } from "../../errors/index";
import { projectRoot } from "../../paths/index";
import { STAGE_SOURCES, type StageSources } from "../../records/index";
import { hubConfig } from "../client/hub-config";
import type { HubOptions } from "../client/hub-options";
import { repoLabel } from "../refs/repo-ref";
import { parseHubSpec, resolveHubSource } from "./hub-spec";

type Env = Record<string, string | undefined>;

/** True when `T3KIT_SOURCE=hub`; "embedded" or unset means the default. */
export function hubSourceSelected(env: Env = process.env): boolean {
  const v = (env.T3KIT_SOURCE ?? "").trim().toLowerCase();
  if (v === "" || v === "embedded" || v === "default") return false;
  if (v === "hub") return true;
  throw new InputError({ file: "T3KIT_SOURCE" }, `"${env.T3KIT_SOURCE}" is not hub or embedded`);
}

/** The sources of `stage` (an unknown stage is an error that lists the known ones). */
export function stageSources(stage: string): StageSources {
  const s = STAGE_SOURCES[stage];
  if (!s) {
    throw new InputError(
      { file: stage },
      `unknown stage; known: ${Object.keys(STAGE_SOURCES).join(", ")}`,
    );
  }
  return s;
}

function describeSpec(spec: string): string {
  const s = parseHubSpec(spec);
  const rev = s.revision === "main" ? "" : `@${s.revision}`;
  return `${repoLabel(s.repo)}${s.path ? `/${s.path}` : " (whole repository)"}${rev}`;
}

/**
 * The one line a notebook's first cell shows: where this stage's data comes from.
 * Touches no network. (tslab prints a cell's last value, so the cell is just this call.)
 *
 * @example dataSource("mixing", {}) // "Data: embedded default in data/llava/, data/t3/ (no network). …"
 */
export function dataSource(stage: string, env: Env = process.env): string {
  const s = stageSources(stage);
  if (s.drawn !== undefined) return `Data: ${s.drawn}.`;
  if (!hubSourceSelected(env) || s.hub.length === 0) {
    const why = hubSourceSelected(env) ? " (this stage has no Hub source)" : "";
    const tip =
      s.hub.length > 0 && !hubSourceSelected(env)
        ? " Set T3KIT_SOURCE=hub to use the released files on the Hugging Face Hub."
        : "";
    return `Data: embedded default in ${s.embedded.join(", ")} (no network)${why}.${tip}`;
  }
  const c = hubConfig(env);
  const auth = c.token ? "with HF_TOKEN" : "anonymous";
  return `Data: Hugging Face Hub ${c.endpoint} (${auth}): ${s.hub.map(describeSpec).join("; ")}. Cached in ${c.cacheDir}${c.offline ? " (HF_HUB_OFFLINE: cache only)" : ""}.`;
}

/**
 * The local paths a stage reads: its embedded folders (absolute) by default, or with
 * T3KIT_SOURCE=hub its `hub:` specs fetched into the cache (only what is missing).
 *
 * @example const [qa, llava] = await stageInputPaths("mixing") // with T3KIT_SOURCE=hub: snapshot folder, json file
 */
export async function stageInputPaths(
  stage: string,
  options: HubOptions = {},
  env: Env = process.env,
): Promise<string[]> {
  const s = stageSources(stage);
  if (!hubSourceSelected(env) || s.hub.length === 0)
    return s.embedded.map((p) => join(projectRoot, p).replace(/\/+$/, ""));
  const out: string[] = [];
  for (const spec of s.hub) out.push(await resolveHubSource(spec, options));
  return out;
}
