/**
 * Python huggingface_hub (1.x)'s tree cache, `<repo>/trees/<commit>.json`: the listing of
 * every file at a commit, kept forever since a commit never changes. The kit reads it
 * (a get at a known commit needs no listing request, and offline mode can list) and
 * writes it byte for byte as Python does (`json.dump(indent=1)`, ASCII-escaped, paths
 * sorted), so either tool can use the other's.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../files/index";
import type { RepoFile } from "./repo-file";

const FORMAT_VERSION = 1;

interface TreeCacheEntry {
  size: number;
  blob_id: string;
  lfs_sha256?: string;
  lfs_size?: number;
  xet_hash?: string;
}

export function treeCachePath(repoDir: string, commit: string): string {
  return join(repoDir, "trees", `${commit}.json`);
}

/** JSON as Python's `json.dumps(obj, indent=1)` writes it (ensure_ascii). */
export function pythonJsonIndent1(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Python sorts by code point; UTF-16 order differs only past U+FFFF. */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** The files recorded for `commit`, or undefined when there is no readable tree cache. */
export async function readTreeCache(
  repoDir: string,
  commit: string,
): Promise<RepoFile[] | undefined> {
  try {
    const data = JSON.parse(await readFile(treeCachePath(repoDir, commit), "utf8")) as {
      format_version?: number;
      files?: Record<string, TreeCacheEntry>;
    };
    if (data.format_version !== FORMAT_VERSION || !data.files) return undefined;
    return Object.entries(data.files).map(([path, e]) => ({
      path,
      size: e.lfs_size ?? e.size,
      etag: e.lfs_sha256 ?? e.blob_id,
      lfs: e.lfs_sha256 !== undefined && e.lfs_sha256 !== null,
      blobId: e.blob_id,
      ...(e.xet_hash ? { xetHash: e.xet_hash } : {}),
    }));
  } catch {
    return undefined;
  }
}

/** Records the complete listing of `commit`. */
export async function writeTreeCache(
  repoDir: string,
  commit: string,
  files: readonly RepoFile[],
): Promise<void> {
  const sorted = [...files].sort((a, b) => byCodePoint(a.path, b.path));
  const entries: Record<string, TreeCacheEntry> = {};
  for (const f of sorted) {
    const e: TreeCacheEntry = { size: f.size, blob_id: f.blobId };
    if (f.lfs) {
      e.lfs_sha256 = f.etag;
      e.lfs_size = f.size;
    }
    if (f.xetHash) e.xet_hash = f.xetHash;
    entries[f.path] = e;
  }
  await writeFileAtomic(
    treeCachePath(repoDir, commit),
    pythonJsonIndent1({ format_version: FORMAT_VERSION, files: entries }),
  );
}
