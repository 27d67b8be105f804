/**
 * `CACHEDIR.TAG` at the cache root, with the text Python's huggingface_hub writes, so
 * that backup tools skip the cache (https://bford.info/cachedir/).
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const CACHEDIR_TAG =
  "Signature: 8a477f597d28d172789f06886806bc55\n" +
  "# This file is a cache directory tag created by huggingface_hub.\n" +
  "# For information about cache directory tags, see:\n" +
  "#\thttps://bford.info/cachedir/\n";

/** Writes the tag unless it is there; a failure is ignored (as Python does). */
export async function ensureCacheDirTag(cacheDir: string): Promise<void> {
  const path = join(cacheDir, "CACHEDIR.TAG");
  try {
    await access(path);
  } catch {
    await mkdir(cacheDir, { recursive: true })
      .then(() => writeFile(path, CACHEDIR_TAG, { flag: "wx" }))
      .catch(() => undefined);
  }
}
