/**
 * Command-line paths checked before any work, so a wrong one is named (file and flag)
 * instead of surfacing later as a bare EISDIR / ENOENT / ENOTDIR.
 */
import { statSync } from "node:fs";
import { InputError } from "../errors/index";

function kindOf(path: string): "file" | "folder" | "other" | null {
  try {
    const s = statSync(path);
    return s.isFile() ? "file" : s.isDirectory() ? "folder" : "other";
  } catch {
    return null;
  }
}

/** An input that must be a readable file. */
export function requireInputFile(path: string, flag?: string): void {
  const kind = kindOf(path);
  const by = flag ? ` (${flag})` : "";
  if (kind === null) throw new InputError({ file: path }, `no such file${by}`);
  if (kind === "folder") throw new InputError({ file: path }, `a folder, not a file${by}`);
}

/** An input that must be a folder. */
export function requireInputFolder(path: string, flag: string): void {
  const kind = kindOf(path);
  if (kind === null) throw new InputError({ file: path }, `no such folder (${flag})`);
  if (kind !== "folder") throw new InputError({ file: path }, `${flag}: a file, not a folder`);
}

/** An output folder: absent (it will be made) or a folder, never a file. */
export function requireOutputFolder(path: string, flag = "--out"): void {
  const kind = kindOf(path);
  if (kind !== null && kind !== "folder")
    throw new InputError({ file: path }, `${flag}: a file, not a folder`);
}

/** An output file: absent (it will be written) or a file, never a folder. */
export function requireOutputFile(path: string, flag = "--out"): void {
  if (kindOf(path) === "folder")
    throw new InputError({ file: path }, `${flag}: a folder, not a file`);
}
