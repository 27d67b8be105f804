/**
 * Finding a stage's files under out/ by pattern, e.g. `mixes/*.manifest.json`: `*` matches
 * within one path segment, a `**` segment any number of folders. Paths are relative to
 * out/, with forward slashes, sorted; hidden names (temp files, staging) are skipped.
 */
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** A regular expression for one pattern (relative to out/). */
export function outPatternRegExp(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((segment, i, all) => {
      if (segment === "**") return i === all.length - 1 ? ".*" : "(?:[^/]+/)*";
      const part = segment.split("*").map(escapeRegExp).join("[^/]*");
      return i === all.length - 1 ? part : `${part}/`;
    })
    .join("");
  return new RegExp(`^${body}$`);
}

/** The folder a pattern cannot leave: its segments before the first wildcard. */
function literalPrefix(pattern: string): string {
  const segments = pattern.split("/");
  const firstWild = segments.findIndex((s) => s.includes("*"));
  const fixed = firstWild < 0 ? segments.slice(0, -1) : segments.slice(0, firstWild);
  return fixed.join("/");
}

async function listFilesUnder(root: string, rel: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw err;
  }
  const found: string[] = [];
  for (const e of entries) {
    const path = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.name.startsWith(".")) continue;
    if (e.isDirectory()) found.push(...(await listFilesUnder(root, path)));
    else if (e.isFile()) found.push(path);
  }
  return found;
}

/** The files under `outRoot` that match any of `patterns`, each once, sorted. */
export async function findOutFiles(
  outRoot: string,
  patterns: readonly string[],
): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const re = outPatternRegExp(pattern);
    for (const path of await listFilesUnder(outRoot, literalPrefix(pattern))) {
      if (re.test(path)) found.add(path);
    }
  }
  return [...found].sort();
}
