/**
 * Download progress on stderr: on a terminal, one bar redrawn in place with bytes, speed
 * and time left; otherwise (CI logs, notebooks) a plain line every few seconds, so logs
 * stay short.
 */
import type { ByteCounter } from "./download/download-blob";
import { formatBytes } from "./listing/format-bytes";

export interface ProgressBar extends ByteCounter {
  /** Draws the final state (unless the download failed) and ends the line. */
  finish(completed?: boolean): void;
}

export interface ProgressBarOptions {
  /** Lines when not a TTY, every this many ms (default 10 s). */
  lineIntervalMs?: number;
  /** Redraws on a TTY at most every this many ms (default 100). */
  redrawMs?: number;
  now?: () => number;
}

function formatDuration(secs: number): string {
  if (!Number.isFinite(secs)) return "?";
  const s = Math.round(secs);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
      : `${s}s`;
}

/** The text of one progress line (pure; the bar and the tests use it). */
export function progressLine(
  label: string,
  done: number,
  total: number,
  bytesPerSec: number,
  width = 24,
): string {
  const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(frac * width);
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  const eta = bytesPerSec > 0 ? formatDuration((total - done) / bytesPerSec) : "?";
  return `${label} ${String(Math.floor(frac * 100)).padStart(3)}% ${bar} ${formatBytes(done)} / ${formatBytes(total)}  ${formatBytes(Math.round(bytesPerSec))}/s  eta ${eta}`;
}

/** A bar for `total` bytes on `stream`. */
export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream,
  options: ProgressBarOptions = {},
): ProgressBar {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const every = tty ? (options.redrawMs ?? 100) : (options.lineIntervalMs ?? 10_000);
  const start = now();
  let done = 0;
  let received = 0;
  let last = start;
  let drawn = false;
  let drawnDone = -1;
  const speed = () => {
    const secs = (now() - start) / 1000;
    return secs > 0 ? received / secs : 0;
  };
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - last < every) return;
    if (force && drawn && done === drawnDone) return;
    last = t;
    drawn = true;
    drawnDone = done;
    const line = progressLine(label, done, total, speed());
    stream.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    received(n) {
      done += n;
      received += n;
      draw(false);
    },
    adjust(n) {
      done += n;
    },
    finish(completed = true) {
      if (completed) draw(true);
      if (tty && drawn) stream.write("\n");
    },
  };
}
