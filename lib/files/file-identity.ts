/**
 * What makes two paths one file: device and inode. A symlink or a hard link to an input
 * is that input, whatever its name.
 */
import { statSync } from "node:fs";

/** `dev:ino` of the file at `path`, or null when there is none. */
export function fileIdentity(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
