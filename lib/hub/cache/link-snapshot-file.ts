/** Puts `snapshots/<commit>/<path>` in place as a relative symlink to its blob. */
import { mkdir, rename, rm, stat, symlink } from "node:fs/promises";
import { dirname } from "node:path";
import { blobLinkTarget, snapshotPath } from "./cache-layout";

/** True when the snapshot entry exists and leads to a file (a dangling link is false). */
export async function snapshotFileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Links `path` at `commit` to `blobs/<etag>` (made beside it under a temp name, then
 * renamed over any old entry, so the path is never missing nor half made).
 */
export async function linkSnapshotFile(
  repoDir: string,
  commit: string,
  path: string,
  etag: string,
): Promise<string> {
  const pointer = snapshotPath(repoDir, commit, path);
  await mkdir(dirname(pointer), { recursive: true });
  const tmp = `${pointer}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.link`;
  try {
    await symlink(blobLinkTarget(path, etag), tmp);
    await rename(tmp, pointer);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return pointer;
}
