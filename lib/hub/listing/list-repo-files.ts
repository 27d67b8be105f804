/** The files of a repository at one commit, with sizes and the names their blobs take. */
import { listFiles, pathsInfo } from "@huggingface/hub";
import { ensureCacheDirTag } from "../cache/cache-dir-tag";
import { repoCacheDir } from "../cache/cache-layout";
import { HubError, fromLibraryError } from "../client/hub-error";
import { type ResolvedHubOptions, libraryParams } from "../client/hub-options";
import { type RepoRef, libraryRepo, repoLabel } from "../refs/repo-ref";
import type { RepoFile } from "./repo-file";
import { readTreeCache, writeTreeCache } from "./tree-cache";

interface TreeEntry {
  type: string;
  path: string;
  size: number;
  oid?: string;
  lfs?: { oid: string; size: number };
  xetHash?: string;
}

/** A tree or paths-info entry as a RepoFile; undefined for folders. */
export function toRepoFile(e: TreeEntry): RepoFile | undefined {
  if (e.type !== "file") return undefined;
  const etag = e.lfs?.oid ?? e.oid;
  if (!etag || !e.oid) return undefined;
  return {
    path: e.path,
    size: e.lfs?.size ?? e.size,
    etag,
    lfs: e.lfs !== undefined && e.lfs !== null,
    blobId: e.oid,
    ...(e.xetHash ? { xetHash: e.xetHash } : {}),
  };
}

const byPath = (a: RepoFile, b: RepoFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Every file of `ref` at `commit` (or under the folder `under`), sorted by path. A whole
 * listing comes from `trees/<commit>.json` when the cache has it, else from
 * `/api/…/tree/<commit>?recursive=true` (@huggingface/hub's listFiles, which follows the
 * Link pages), and is then recorded there.
 */
export async function listRepoFiles(
  ref: RepoRef,
  commit: string,
  o: ResolvedHubOptions,
  under?: string,
): Promise<RepoFile[]> {
  const repoDir = repoCacheDir(o.config.cacheDir, ref);
  const cached = await readTreeCache(repoDir, commit);
  if (cached) {
    const prefix = under ? `${under.replace(/\/+$/, "")}/` : "";
    return cached.filter((f) => f.path.startsWith(prefix)).sort(byPath);
  }
  if (o.config.offline) {
    throw new HubError(
      `${repoLabel(ref)}@${commit}`,
      "HF_HUB_OFFLINE is set and this commit's file list is not in the cache",
    );
  }
  const files: RepoFile[] = [];
  try {
    for await (const e of listFiles({
      repo: libraryRepo(ref),
      revision: commit,
      recursive: true,
      path: under,
      ...libraryParams(o),
    })) {
      const f = toRepoFile(e);
      if (f) files.push(f);
    }
  } catch (err) {
    throw fromLibraryError(err, {
      what: `${repoLabel(ref)}${under ? `/${under}` : ""}@${commit}`,
      endpoint: o.config.endpoint,
    });
  }
  if (!under) {
    await ensureCacheDirTag(o.config.cacheDir);
    await writeTreeCache(repoDir, commit, files);
  }
  return files.sort(byPath);
}

/**
 * What one path is at `commit` (POST `/api/…/paths-info/<commit>`): a file, a folder
 * ("directory"), or undefined when it does not exist.
 */
export async function pathInfo(
  ref: RepoRef,
  commit: string,
  path: string,
  o: ResolvedHubOptions,
): Promise<{ kind: "file"; file: RepoFile } | { kind: "directory" } | undefined> {
  try {
    const [e] = await pathsInfo({
      repo: libraryRepo(ref),
      paths: [path],
      revision: commit,
      ...libraryParams(o),
    });
    if (!e) return undefined;
    if (e.type === "directory") return { kind: "directory" };
    const file = toRepoFile(e);
    return file ? { kind: "file", file } : undefined;
  } catch (err) {
    throw fromLibraryError(err, {
      what: `${repoLabel(ref)}/${path}@${commit}`,
      endpoint: o.config.endpoint,
    });
  }
}
