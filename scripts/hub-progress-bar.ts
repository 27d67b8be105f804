/**
 * The command line's reporter for Hub downloads (lib/hub reports `Progress`; it prints
 * nothing): the bytes as a bar on stderr, with speed and time left — on a terminal one
 * line redrawn in place, otherwise (CI logs, notebooks) a plain line every few seconds,
 * so logs stay short — and each notice (a retry, a pattern no file matches) as a line.
 */
import { formatBytes } from "../lib/hub/index";
import type { OnProgress, Progress } from "../lib/progress/index";

export interface ProgressBarOptions {
  /** Lines when not a TTY, every this many ms (default 10 s). */
  lineIntervalMs?: number;
  /** Redraws on a TTY at most every this many ms (default 100). */
  redrawMs?: number;
  now?: () => number;
}

/** What a command passes to lib/hub as HubOptions' onProgress and notice. */
export interface HubReporter {
  onProgress: OnProgress;
  notice: (message: string) => void;
  /** Ends a bar the download left unfinished (it failed): the line is closed, not redrawn. */
  end(): void;
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

/** One bar: `total` bytes under `label`, drawn on `stream`. */
interface Bar {
  label: string;
  update(done: number): void;
  /** Draws the final state (unless the download failed) and ends the line. */
  finish(completed: boolean): void;
}

/**
 * A bar whose speed counts the bytes that arrive after it starts: bytes a download
 * resumed from (already on disk when the first progress came) are done, not speed.
 */
function startBar(
  label: string,
  total: number,
  firstDone: number,
  stream: NodeJS.WriteStream,
  options: ProgressBarOptions,
): Bar {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const every = tty ? (options.redrawMs ?? 100) : (options.lineIntervalMs ?? 10_000);
  const start = now();
  let done = firstDone;
  let last = start;
  let drawn = false;
  let drawnDone = -1;
  const speed = () => {
    const secs = (now() - start) / 1000;
    return secs > 0 ? (done - firstDone) / secs : 0;
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
    label,
    update(n) {
      done = n;
      draw(false);
    },
    finish(completed) {
      if (completed) draw(true);
      if (tty && drawn) stream.write("\n");
    },
  };
}

/**
 * Reports Hub downloads on `stream` (default stderr): a Progress in bytes moves the bar
 * its note names (a new note starts a new bar; `done` reaching `total` finishes it); a
 * Progress with only a note, and every notice, is a line of its own.
 */
export function hubReporter(
  stream: NodeJS.WriteStream = process.stderr,
  options: ProgressBarOptions = {},
): HubReporter {
  let bar: Bar | null = null;
  const onProgress = (p: Progress) => {
    if (p.unit !== "bytes" || p.done === undefined || p.total === undefined) {
      if (p.note) stream.write(`${p.note}\n`);
      return;
    }
    const label = p.note ?? "";
    if (bar && bar.label !== label) bar.finish(false);
    if (!bar || bar.label !== label) bar = startBar(label, p.total, p.done, stream, options);
    else bar.update(p.done);
    if (p.done >= p.total) {
      bar.finish(true);
      bar = null;
    }
  };
  return {
    onProgress,
    notice: (message) => stream.write(`${message}\n`),
    end() {
      bar?.finish(false);
      bar = null;
    },
  };
}
