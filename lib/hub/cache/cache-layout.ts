/**
 * Python huggingface_hub's cache layout, as pure path functions:
 *
 *   <cache>/datasets--owner--name/
 *     blobs/<etag>                       file contents, named by LFS sha256 or git sha1
 *     blobs/<etag>.incomplete            a download in progress (resumed from here)
 *     refs/<revision>                    the commit sha the revision pointed to
 *     snapshots/<commit>/<path>          relative symlink -> ../../blobs/<etag>
 */
import { join, posix } from "node:path";
import { InputError } from "../../errors/index";
import { type RepoRef, repoFolderName } from "../refs/repo-ref";

/** `<cache>/datasets--owner--name`. */
export function repoCacheDir(cacheDir: string, ref: RepoRef): string {
  return join(cacheDir, repoFolderName(ref));
}

export function blobPath(repoDir: string, etag: string): string {
  return join(repoDir, "blobs", etag);
}

export function incompletePath(repoDir: string, etag: string): string {
  return `${blobPath(repoDir, etag)}.incomplete`;
}

export function refPath(repoDir: string, revision: string): string {
  return join(repoDir, "refs", ...revision.split("/"));
}

export function snapshotDir(repoDir: string, commit: string): string {
  return join(repoDir, "snapshots", commit);
}

/**
 * `snapshots/<commit>/<path>`. Rejects paths that would leave the snapshot (a repo's
 * file names come from the server; huggingface_hub#4540 was such an escape).
 */
export function snapshotPath(repoDir: string, commit: string, path: string): string {
  const norm = posix.normalize(path);
  if (path === "" || norm.startsWith("../") || norm === ".." || posix.isAbsolute(norm)) {
    throw new InputError({ file: path }, "a repository path must stay inside the repository");
  }
  return join(snapshotDir(repoDir, commit), ...norm.split("/"));
}

/**
 * The symlink target from `snapshots/<commit>/<path>` to `blobs/<etag>`, relative (as
 * Python writes it) so that the cache survives being moved: `../../blobs/<etag>` for a
 * top-level file, one more `../` per folder.
 */
export function blobLinkTarget(path: string, etag: string): string {
  const depth = posix.normalize(path).split("/").length - 1;
  return `${"../".repeat(depth + 2)}blobs/${etag}`;
}

/** A 40-hex commit sha: a revision that never moves, so needs no lookup. */
export function isCommitSha(revision: string): boolean {
  return /^[0-9a-f]{40}$/.test(revision);
}
