/**
 * `hub:` sources: wherever a stage takes a file, it also takes a file on the Hub, which
 * is fetched into the shared cache and read from there.
 *
 * Grammar (the type prefix is optional; a bare owner/name is a dataset):
 *
 *   hub:[datasets/|models/]OWNER/NAME/PATH[@REV]
 *   hub:[datasets/|models/]OWNER/NAME@REV/PATH      (as Python's hf:// paths write it)
 *
 * - REV is a branch, tag or commit sha, default `main`; a REV holding `/` is written
 *   URL-encoded (`refs%2Fpr%2F1`). A PATH whose last part holds `@` needs the second
 *   form (`hub:o/n@main/a@2x.png`), since a trailing `@x` is read as the revision.
 * - PATH names a file (the result is that file), a folder (every file under it is
 *   fetched; the result is the folder), or nothing (the whole repository).
 * - Models: `hub:models/lmms-lab/LongVA-7B/config.json`. Datasets are the default,
 *   whether or not their name is known, so a spec means the same thing everywhere.
 *
 * @example await resolveHubSource("hub:tobiaslee/text_temporal/order_val.jsonl")
 *          // ~/.cache/huggingface/hub/datasets--tobiaslee--text_temporal/snapshots/<sha>/order_val.jsonl
 */
import { stat } from "node:fs/promises";
import { InputError } from "../../errors/index";
import { repoCacheDir, snapshotDir, snapshotPath } from "../cache/cache-layout";
import { snapshotFileExists } from "../cache/link-snapshot-file";
import { HubError, hubErrorFor } from "../client/hub-error";
import { type HubOptions, resolveHubOptions } from "../client/hub-options";
import { fetchRepoFiles } from "../download/fetch-repo-files";
import { listRepoFiles, pathInfo } from "../listing/list-repo-files";
import { type RepoRef, type RepoType, repoLabel } from "../refs/repo-ref";
import { cachedCommit, resolveCommit } from "../refs/resolve-commit";

export interface HubSpec {
  repo: RepoRef;
  /** False when the spec had no datasets/ or models/ prefix (for 404 hints). */
  typeGiven: boolean;
  /** Path inside the repository; "" for the whole repository. */
  path: string;
  revision: string;
}

const PREFIX = "hub:";

/** True for a `hub:` source. */
export function isHubSpec(source: string): boolean {
  return source.startsWith(PREFIX);
}

const TYPES: Record<string, RepoType> = { datasets: "dataset", models: "model" };

/** Parses a `hub:` source (see the module comment for the grammar). */
export function parseHubSpec(spec: string): HubSpec {
  const bad = (why: string) =>
    new InputError(
      { file: spec },
      `${why}; expected hub:[datasets/|models/]owner/name/path[@revision]`,
    );
  if (!isHubSpec(spec)) throw bad("not a hub: source");
  const parts = spec.slice(PREFIX.length).split("/");
  const typeGiven = TYPES[parts[0]] !== undefined;
  const type = typeGiven ? TYPES[parts.shift()!] : "dataset";
  if (parts.length < 2 || !parts[0] || !parts[1]) throw bad("no owner/name");
  const [owner, nameRev, ...rest] = parts;
  let [name, revision] = nameRev.split("@", 2) as [string, string | undefined];
  let path = rest.join("/");
  const last = rest[rest.length - 1] ?? "";
  if (revision === undefined && last.includes("@")) {
    revision = last.slice(last.lastIndexOf("@") + 1);
    path = path.slice(0, path.lastIndexOf("@"));
  }
  if (revision === "") throw bad("an empty revision after @");
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(owner) || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw bad(`"${owner}/${name}" is not a repository id`);
  }
  path = path.replace(/\/+$/, "");
  if (path.split("/").some((s) => s === ".." || s === "."))
    throw bad("the path must stay inside the repository");
  return {
    repo: { type, id: `${owner}/${name}` },
    typeGiven,
    path,
    revision: decodeURIComponent(revision ?? "main"),
  };
}

/** Writes a spec back as text (the first form of the grammar). */
export function formatHubSpec(spec: HubSpec): string {
  const type = spec.repo.type === "model" ? "models/" : "";
  const rev = spec.revision === "main" ? "" : `@${encodeURIComponent(spec.revision)}`;
  return `${PREFIX}${type}${spec.repo.id}${spec.path ? `/${spec.path}` : ""}${rev}`;
}

/**
 * Fetches what a `hub:` source names into the cache (only what is missing) and returns
 * its local path: a file, a folder inside the snapshot, or the snapshot itself. With a
 * branch revision it costs one API request when everything is cached; with a commit sha,
 * or with HF_HUB_OFFLINE=1, none.
 */
export async function resolveHubSource(spec: string, options: HubOptions = {}): Promise<string> {
  const s = parseHubSpec(spec);
  const o = resolveHubOptions(options);
  const repoDir = repoCacheDir(o.config.cacheDir, s.repo);
  const what = `${repoLabel(s.repo)}${s.path ? `/${s.path}` : ""}@${s.revision}`;

  if (o.config.offline) {
    const commit = await cachedCommit(o.config.cacheDir, s.repo, s.revision);
    const local =
      commit && (s.path ? snapshotPath(repoDir, commit, s.path) : snapshotDir(repoDir, commit));
    if (local && (await existsAny(local))) return local;
    throw new HubError(
      what,
      `HF_HUB_OFFLINE is set and this is not in the cache (${o.config.cacheDir})`,
    );
  }
  const commit = await resolveCommit(s.repo, s.revision, o, !s.typeGiven);
  if (s.path === "") {
    const files = await listRepoFiles(s.repo, commit, o);
    return (await fetchRepoFiles(s.repo, s.revision, commit, files, o)).snapshotDir;
  }
  const local = snapshotPath(repoDir, commit, s.path);
  if (await snapshotFileExists(local)) return local;
  const info = await pathInfo(s.repo, commit, s.path, o);
  if (!info) throw hubErrorFor(404, { what, typeGuessed: !s.typeGiven }, "EntryNotFound");
  const files = info.kind === "file" ? [info.file] : await listRepoFiles(s.repo, commit, o, s.path);
  await fetchRepoFiles(s.repo, s.revision, commit, files, o);
  return local;
}

async function existsAny(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * A stage's input: a `hub:` source is fetched and its local path returned; any other
 * string is a local path and is returned as it is.
 */
export async function resolveSource(source: string, options: HubOptions = {}): Promise<string> {
  return isHubSpec(source) ? resolveHubSource(source, options) : source;
}
