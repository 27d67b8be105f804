/**
 * Which files the kit wrote: a file it wrote may be replaced by a later run; a file it did
 * not write (the user's own, or the kit's after the user edited it) is replaced only with
 * --force. A file is known by what a write leaves unique to it: its device and inode (a
 * temp-then-rename write makes a new inode every time), size and modification time. One
 * small entry per path under the state folder, so concurrent runs never share a file.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { kitStateDir } from "./kit-state-dir";

export interface LedgerEntry {
  path: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

const entryFile = (path: string): string =>
  join(kitStateDir(), "written", createHash("sha256").update(path).digest("hex").slice(0, 40));

function stampOf(path: string): LedgerEntry | null {
  try {
    const s = statSync(path);
    return { path, dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

/** The entry recorded for `path` (an absolute path), if any. */
export function ledgerEntry(path: string): LedgerEntry | null {
  try {
    const e = JSON.parse(readFileSync(entryFile(path), "utf8")) as LedgerEntry;
    return e.path === path ? e : null;
  } catch {
    return null;
  }
}

/** Puts back an entry as it was (null: none), when a run's write is undone. */
export function restoreLedgerEntry(path: string, entry: LedgerEntry | null): void {
  const file = entryFile(path);
  try {
    if (entry === null) rmSync(file, { force: true });
    else {
      mkdirSync(join(kitStateDir(), "written"), { recursive: true });
      writeFileSync(file, JSON.stringify(entry));
    }
  } catch {
    // The ledger is a safeguard; a state folder that cannot be written makes later runs
    // ask for --force, never lose data.
  }
}

/** Records the file now at `path` as written by the kit. */
export function recordWritten(path: string): void {
  restoreLedgerEntry(path, stampOf(path));
}

/** Whether the file at `path` is, unchanged, one the kit wrote. */
export function writtenByKit(path: string): boolean {
  const now = stampOf(path);
  const e = ledgerEntry(path);
  return (
    now !== null &&
    e !== null &&
    e.dev === now.dev &&
    e.ino === now.ino &&
    e.size === now.size &&
    e.mtimeMs === now.mtimeMs
  );
}
