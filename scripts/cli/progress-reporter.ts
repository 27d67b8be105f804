/**
 * The command line's one progress reporter: every library `onProgress` (lib/progress) is
 * shown through it, on stderr. A note alone is a line of its own ("writing x.json"); a count
 * is a status line: on a terminal redrawn in place at most every 100 ms, otherwise (CI logs,
 * notebooks, pipes) a plain line at most every 10 s, so logs stay short. A count of bytes
 * with a total becomes a bar with the speed and the time left. `endProgress` draws the last
 * state of a count the log has not shown and ends the status line.
 *
 * Written here rather than with a terminal progress package (cli-progress, say): those draw
 * bars one at a time, while the kit's progress interleaves notes with counts of several
 * phases, and a log without a terminal must stay short and readable.
 */
import { type Progress, formatProgress } from "../../lib/progress/index";

const TTY_REDRAW_MS = 100;
const LOG_LINE_MS = 10_000;

const stream = process.stderr;
let statusShown = false;
let lastDraw = Number.NEGATIVE_INFINITY;
let pending: string | undefined;
let started = 0;
let startedFor: string | undefined;

function formatBytes(n: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

function formatSeconds(secs: number): string {
  if (!Number.isFinite(secs)) return "?";
  const s = Math.round(secs);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/** A count of bytes as a bar: `model.bin  42% [##########..............] 1.2 GB / 2.9 GB  31.0 MB/s  eta 55s`. */
export function byteBarLine(p: Progress, elapsedSeconds: number, width = 24): string {
  const done = p.done ?? 0;
  const total = p.total ?? 0;
  const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(frac * width);
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  const speed = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = speed > 0 ? formatSeconds((total - done) / speed) : "?";
  const label = p.note ? `${p.note} ` : "";
  return `${label}${String(Math.floor(frac * 100)).padStart(3)}% ${bar} ${formatBytes(done)} / ${formatBytes(total)}  ${formatBytes(Math.round(speed))}/s  eta ${eta}`;
}

function statusText(p: Progress, now: number): string {
  if (p.unit === "bytes" && p.total !== undefined) {
    const key = p.note ?? "";
    if (startedFor !== key) {
      startedFor = key;
      started = now;
    }
    return byteBarLine(p, (now - started) / 1000);
  }
  return formatProgress(p);
}

function endStatusLine(): void {
  if (statusShown && stream.isTTY) stream.write("\n");
  statusShown = false;
}

/** Shows one progress event (see the module's comment for how). */
export function reportProgress(p: Progress): void {
  const now = performance.now();
  if (p.done === undefined) {
    endStatusLine();
    pending = undefined;
    if (p.note) stream.write(`${p.note}\n`);
    return;
  }
  const text = statusText(p, now);
  const every = stream.isTTY ? TTY_REDRAW_MS : LOG_LINE_MS;
  if (now - lastDraw < every) {
    pending = text;
    return;
  }
  lastDraw = now;
  pending = undefined;
  if (stream.isTTY) {
    stream.write(`\r${text}\x1b[K`);
    statusShown = true;
  } else stream.write(`${text}\n`);
}

/** Draws the last count not yet shown and ends the status line (after each command). */
export function endProgress(): void {
  if (pending !== undefined) {
    stream.write(stream.isTTY ? `\r${pending}\x1b[K` : `${pending}\n`);
    statusShown = stream.isTTY === true;
    pending = undefined;
  }
  endStatusLine();
  lastDraw = Number.NEGATIVE_INFINITY;
  startedFor = undefined;
}
