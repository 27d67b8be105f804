/**
 * Puts chosen files of a repository into the cache at one commit: the part of `hub get`
 * and of `hub:` sources that downloads, links and records the ref.
 */
import { writeFileAtomic } from "../../files/index";
import type { OnProgress } from "../../progress/index";
import { ensureCacheDirTag } from "../cache/cache-dir-tag";
import {
  blobPath,
  isCommitSha,
  refPath,
  repoCacheDir,
  snapshotDir,
  snapshotPath,
} from "../cache/cache-layout";
import { linkSnapshotFile, snapshotFileExists } from "../cache/link-snapshot-file";
import { HubError } from "../client/hub-error";
import type { ResolvedHubOptions } from "../client/hub-options";
import type { RepoFile } from "../listing/repo-file";
import { type RepoRef, repoLabel, repoUrlPath } from "../refs/repo-ref";
import { type ByteCounter, downloadBlob } from "./download-blob";

export interface GotFile {
  path: string;
  size: number;
  /** The snapshot path to read (a symlink into blobs/). */
  localPath: string;
  /** "downloaded" now, "linked" to a blob already cached, or "cached" (nothing to do). */
  state: "downloaded" | "linked" | "cached";
}

export interface GetResult {
  repo: RepoRef;
  revision: string;
  commit: string;
  snapshotDir: string;
  files: GotFile[];
  /** Bytes that came over the network for file bodies. */
  bytesReceived: number;
}

/** The resolve URL of a file at a commit, each path segment escaped. */
export function resolveUrl(endpoint: string, ref: RepoRef, commit: string, path: string): string {
  const escaped = path.split("/").map(encodeURIComponent).join("/");
  return `${endpoint}/${repoUrlPath(ref)}/resolve/${commit}/${escaped}`;
}

/**
 * Bytes of the blobs being fetched as Progress: `done` counts the bytes on disk (resumed
 * parts included, bytes thrown away taken off again) of `total`.
 */
function bytesProgress(note: string, total: number, onProgress: OnProgress): ByteCounter {
  let done = 0;
  const report = () => onProgress({ done, total, unit: "bytes", note });
  return {
    received(n) {
      done += n;
      report();
    },
    adjust(n) {
      done += n;
      report();
    },
  };
}

/** Runs `task` on every item, at most `limit` at once. */
async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await task(items[next++]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Puts `files` of `ref` at `commit` into the cache: skips what the snapshot has, links
 * blobs already downloaded, downloads the rest (resumable, verified, `concurrency` at
 * once, their bytes reported to onProgress), then writes `refs/<revision>`.
 */
export async function fetchRepoFiles(
  ref: RepoRef,
  revision: string,
  commit: string,
  files: readonly RepoFile[],
  o: ResolvedHubOptions,
): Promise<GetResult> {
  const repoDir = repoCacheDir(o.config.cacheDir, ref);
  const states = new Map<string, GotFile["state"]>();
  const missing: RepoFile[] = [];
  for (const f of files) {
    if (await snapshotFileExists(snapshotPath(repoDir, commit, f.path)))
      states.set(f.path, "cached");
    else missing.push(f);
  }
  // One download per blob: two paths with the same contents share it.
  const blobs = new Map<string, RepoFile>();
  for (const f of missing) {
    if (!blobs.has(f.etag) && !(await snapshotFileExists(blobPath(repoDir, f.etag))))
      blobs.set(f.etag, f);
  }
  const toFetch = [...blobs.values()];
  if (toFetch.length > 0 && o.config.offline) {
    throw new HubError(
      `${repoLabel(ref)}@${revision}`,
      `HF_HUB_OFFLINE is set and ${toFetch.length} file(s) are not in the cache: ${toFetch.map((f) => f.path).join(", ")}`,
    );
  }
  if (missing.length > 0) await ensureCacheDirTag(o.config.cacheDir);
  const counter =
    o.onProgress && toFetch.length > 0
      ? bytesProgress(
          `${ref.id} (${toFetch.length} file${toFetch.length > 1 ? "s" : ""})`,
          toFetch.reduce((s, f) => s + f.size, 0),
          o.onProgress,
        )
      : undefined;
  let bytesReceived = 0;
  await forEachLimited(toFetch, o.concurrency, async (f) => {
    const r = await downloadBlob({
      url: resolveUrl(o.config.endpoint, ref, commit, f.path),
      etag: f.etag,
      size: f.size,
      repoDir,
      what: `${repoLabel(ref)}/${f.path}@${revision}`,
      token: o.config.token,
      retry: o.retry,
      notice: o.notice,
      counter,
    });
    bytesReceived += r.bytesReceived;
  });

  for (const f of missing) {
    await linkSnapshotFile(repoDir, commit, f.path, f.etag);
    states.set(f.path, blobs.has(f.etag) ? "downloaded" : "linked");
  }
  if (!isCommitSha(revision) && !o.config.offline) {
    await writeFileAtomic(refPath(repoDir, revision), commit);
  }
  return {
    repo: ref,
    revision,
    commit,
    snapshotDir: snapshotDir(repoDir, commit),
    files: files.map((f) => ({
      path: f.path,
      size: f.size,
      localPath: snapshotPath(repoDir, commit, f.path),
      state: states.get(f.path)!,
    })),
    bytesReceived,
  };
}
