/**
 * The checksum a blob's name promises. LFS files are named by the sha256 of their bytes
 * (the LFS oid, X-Linked-Etag); plain git files by their git blob id, sha1 of
 * "blob <size>\0" + bytes. Python's huggingface_hub checks neither; the kit checks both.
 */
import { type Hash, createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export interface BlobHasher {
  readonly algorithm: "sha256" | "git-sha1";
  update(chunk: Uint8Array): void;
  /** Hex digest; compare with the etag. */
  digest(): string;
}

/** A hasher for a blob named `etag` (64 hex: sha256; 40 hex: git sha1) of `size` bytes. */
export function blobHasher(etag: string, size: number): BlobHasher {
  if (/^[0-9a-f]{64}$/.test(etag)) return wrap("sha256", createHash("sha256"));
  if (/^[0-9a-f]{40}$/.test(etag)) {
    const h = createHash("sha1");
    h.update(`blob ${size}\0`);
    return wrap("git-sha1", h);
  }
  throw new Error(`cannot verify a blob named ${etag}: neither a sha256 nor a git sha1`);
}

function wrap(algorithm: BlobHasher["algorithm"], h: Hash): BlobHasher {
  return {
    algorithm,
    update: (chunk) => h.update(chunk),
    digest: () => h.digest("hex"),
  };
}

/** Feeds the first `bytes` of `path` to `hasher` (the part already downloaded). */
export async function hashFilePrefix(
  path: string,
  bytes: number,
  hasher: BlobHasher,
): Promise<void> {
  if (bytes === 0) return;
  const stream = createReadStream(path, { start: 0, end: bytes - 1, highWaterMark: 1 << 22 });
  for await (const chunk of stream) hasher.update(chunk as Buffer);
}
