/**
 * `hub get`: downloads a repository's files (all, or those matching globs) at one commit
 * into the cache, in Python huggingface_hub's layout. A file already in the snapshot
 * costs no request; a blob shared with another revision is linked, not fetched again.
 */
import { lstat, readdir, readlink, stat } from "node:fs/promises";
import { basename, join, posix, relative, sep } from "node:path";
import { repoCacheDir, snapshotDir } from "../cache/cache-layout";
import { snapshotFileExists } from "../cache/link-snapshot-file";
import { HubError } from "../client/hub-error";
import { type HubOptions, type ResolvedHubOptions, resolveHubOptions } from "../client/hub-options";
import { listRepoFiles } from "../listing/list-repo-files";
import type { RepoFile } from "../listing/repo-file";
import { readTreeCache } from "../listing/tree-cache";
import { type RepoRef, repoLabel } from "../refs/repo-ref";
import { resolveCommit } from "../refs/resolve-commit";
import { type GetResult, fetchRepoFiles } from "./fetch-repo-files";
import { matchesAny } from "./match-globs";

export interface DownloadMatchingOptions extends HubOptions {
  /** Branch, tag or commit sha (default "main"). */
  revision?: string;
  /** fnmatch globs (Python's allow_patterns); default every file. */
  files?: string[];
  /** The repo type came from the default, not the user (improves 404 messages). */
  typeGuessed?: boolean;
}

/** Files already in a snapshot (for HF_HUB_OFFLINE), with the blob each links to. */
async function cachedSnapshotFiles(dir: string): Promise<RepoFile[]> {
  const out: RepoFile[] = [];
  const walk = async (d: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(d)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const l = await lstat(p);
      if (l.isDirectory()) await walk(p);
      else if (await snapshotFileExists(p)) {
        const etag = l.isSymbolicLink() ? basename(await readlink(p)) : "";
        const path = relative(dir, p).split(sep).join(posix.sep);
        out.push({ path, size: (await stat(p)).size, etag, lfs: etag.length === 64, blobId: "" });
      }
    }
  };
  await walk(dir);
  return out;
}

async function selectFiles(
  ref: RepoRef,
  commit: string,
  patterns: string[],
  o: ResolvedHubOptions,
  repoDir: string,
  what: string,
): Promise<RepoFile[]> {
  const all = o.config.offline
    ? ((await readTreeCache(repoDir, commit)) ??
      (await cachedSnapshotFiles(snapshotDir(repoDir, commit))))
    : await listRepoFiles(ref, commit, o);
  const chosen = all.filter((f) => matchesAny(f.path, patterns));
  const unmatched = patterns.filter((p) => !all.some((f) => matchesAny(f.path, [p])));
  if (chosen.length === 0) {
    const why = o.config.offline ? " in the cache (HF_HUB_OFFLINE is set)" : "";
    throw new HubError(
      what,
      patterns.length
        ? `no file matches ${unmatched.join(", ")}${why}`
        : `the repository has no files${why}`,
    );
  }
  for (const p of unmatched) o.notice(`hub: ${what}: no file matches ${p}`);
  return chosen;
}

/**
 * Downloads `ref`'s files at `options.revision` into the cache and links them into
 * `snapshots/<commit>/`; writes `refs/<revision>` once every file is in place.
 *
 * @example const r = await downloadMatchingFiles(parseRepoRef("tobiaslee/text_temporal"), { files: ["order_val.jsonl"] });
 *          r.files[0].localPath // ~/.cache/huggingface/hub/datasets--tobiaslee--text_temporal/snapshots/<sha>/order_val.jsonl
 */
export async function downloadMatchingFiles(
  ref: RepoRef,
  options: DownloadMatchingOptions = {},
): Promise<GetResult> {
  const o = resolveHubOptions(options);
  const revision = options.revision ?? "main";
  const commit = await resolveCommit(ref, revision, o, options.typeGuessed);
  const repoDir = repoCacheDir(o.config.cacheDir, ref);
  const files = await selectFiles(
    ref,
    commit,
    options.files ?? [],
    o,
    repoDir,
    `${repoLabel(ref)}@${revision}`,
  );
  return fetchRepoFiles(ref, revision, commit, files, o);
}
