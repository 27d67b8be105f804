/**
 * How `npm run bench:mix` measures: a command's wall time and peak RSS under GNU time,
 * one core kept busy by a spinning process, and a byte-for-byte comparison of two output
 * folders read in 4 MiB chunks.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface Timed {
  wallSeconds: number;
  /** User + system CPU seconds (all threads): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakMiB: number;
  exit: number;
  stderr: string;
  stdout: string;
}

/** Runs a command under `/usr/bin/time -v`; returns its wall time, CPU time and peak RSS. */
export function timed(cmd: string[]): Timed {
  const r = spawnSync("/usr/bin/time", ["-v", ...cmd], { encoding: "utf8", maxBuffer: 1 << 28 });
  const grab = (label: string) => r.stderr.match(new RegExp(`${label}: (.*)`))?.[1] ?? "";
  const wall = grab("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)")
    .split(":")
    .reduce((a, x) => a * 60 + Number(x), 0);
  return {
    wallSeconds: wall,
    cpuSeconds: Number(grab("User time \\(seconds\\)")) + Number(grab("System time \\(seconds\\)")),
    peakMiB: Number(grab("Maximum resident set size \\(kbytes\\)")) / 1024,
    exit: r.status ?? 1,
    stderr: r.stderr,
    stdout: r.stdout,
  };
}

/** Keeps one core busy (a process spinning in a loop) until `stop()`. */
export function busyCore(): { stop(): void } {
  const child: ChildProcess = spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  // A bench that dies must not leave the spinner behind.
  process.once("exit", stop);
  return {
    stop() {
      stop();
      process.removeListener("exit", stop);
    },
  };
}

/** The files of a folder with their sizes, by name. */
export function folderFiles(dir: string): { name: string; size: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, size: statSync(join(dir, name)).size }));
}

export function folderBytes(dir: string): number {
  return folderFiles(dir).reduce((a, f) => a + f.size, 0);
}

function sameFile(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, "r");
  const fb = openSync(b, "r");
  const ba = Buffer.allocUnsafe(4 << 20);
  const bb = Buffer.allocUnsafe(4 << 20);
  try {
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null);
      let nb = 0;
      while (nb < na) {
        const got = readSync(fb, bb, nb, na - nb, null);
        if (got === 0) return false;
        nb += got;
      }
      if (na === 0) return true;
      if (ba.compare(bb, 0, nb, 0, na) !== 0) return false;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/**
 * Whether the two folders hold the same files with the same bytes; with `only`, just those
 * files (which must exist in both).
 */
export function sameOutputs(a: string, b: string, only?: string[]): boolean {
  const na = only ?? folderFiles(a).map((f) => f.name);
  const nb = only ?? folderFiles(b).map((f) => f.name);
  if (na.length === 0 || na.join("\n") !== nb.join("\n")) return false;
  return na.every(
    (f) => existsSync(join(a, f)) && existsSync(join(b, f)) && sameFile(join(a, f), join(b, f)),
  );
}
