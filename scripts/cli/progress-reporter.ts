/**
 * The command line's one progress reporter: every library `onProgress` (lib/progress) and
 * every notice (a retry, a pattern no file matches) is shown through it, on stderr.
 * - A note alone, and a notice, is a line of its own.
 * - A count is a status line: on a terminal one line redrawn in place (at most every 100 ms),
 *   otherwise (CI logs, notebooks, pipes) a plain line at most every 10 s, so logs stay short.
 *   A count of bytes with a total is a bar with the speed and the time left; the speed counts
 *   the bytes that arrive after the bar starts (bytes a download resumed from are done, not
 *   speed). A count reaching its total is drawn and its line ended; a new label starts a new
 *   line.
 * - `end()` (after every command) draws the last state a count has not shown, or, for a
 *   download that failed, only closes its line.
 *
 * Written here rather than with a terminal progress package (cli-progress, say): those draw
 * one bar at a time, while the kit interleaves notes with counts of several phases, and a
 * log without a terminal must stay short and readable.
 */
import { type Progress, formatBytes, formatProgress } from "../../lib/progress/index";

export interface ReporterOptions {
  /** Redraws on a terminal at most every this many ms (default 100). */
  redrawMs?: number;
  /** Lines when not a terminal, every this many ms (default 10 s). */
  lineIntervalMs?: number;
  now?: () => number;
}

export interface ProgressReporter {
  report(progress: Progress): void;
  notice(message: string): void;
  /** Draws what a count has not shown (unless `completed` is false) and ends its line. */
  end(completed?: boolean): void;
}

function formatDuration(secs: number): string {
  if (!Number.isFinite(secs)) return "?";
  const s = Math.round(secs);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/** The text of a byte bar (pure): `o/n  50% [#####.....] 820 MB / 1.64 GB  20.0 MB/s  eta 41s`. */
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

/** The count being shown: its label, first `done` and time, and what was drawn last. */
interface Status {
  label: string;
  start: number;
  firstDone: number;
  last: Progress;
  drawnAt: number;
  drawn?: Progress;
}

export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  options: ReporterOptions = {},
): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const every = tty ? (options.redrawMs ?? 100) : (options.lineIntervalMs ?? 10_000);
  let status: Status | null = null;

  const text = (s: Status): string => {
    const p = s.last;
    if (p.unit !== "bytes" || p.total === undefined) return formatProgress(p);
    const secs = (now() - s.start) / 1000;
    const speed = secs > 0 ? ((p.done ?? 0) - s.firstDone) / secs : 0;
    return progressLine(s.label, p.done ?? 0, p.total, speed);
  };
  const draw = (s: Status, force: boolean) => {
    const t = now();
    if (!force && t - s.drawnAt < every) return;
    if (force && s.drawn === s.last) return;
    s.drawnAt = t;
    s.drawn = s.last;
    stream.write(tty ? `\r${text(s)}\x1b[K` : `${text(s)}\n`);
  };
  const close = (completed: boolean) => {
    if (!status) return;
    if (completed) draw(status, true);
    if (tty && status.drawn) stream.write("\n");
    status = null;
  };
  const line = (message: string) => {
    close(true);
    stream.write(`${message}\n`);
  };

  return {
    report(p) {
      if (p.done === undefined) {
        if (p.note) line(p.note);
        return;
      }
      const label = p.note ?? p.unit ?? "";
      if (status && status.label !== label) close(status.last.unit !== "bytes");
      // A new count is first drawn one interval after it starts (a short one only at the end).
      if (!status) status = { label, start: now(), firstDone: p.done, last: p, drawnAt: now() };
      status.last = p;
      draw(status, false);
      if (p.total !== undefined && p.done >= p.total) close(true);
    },
    notice: line,
    end(completed = true) {
      close(completed);
    },
  };
}

/** The command line's reporter on stderr; commands pass `reportProgress` as onProgress. */
const stderrReporter = createProgressReporter();
export const reportProgress = (p: Progress): void => stderrReporter.report(p);
export const reportNotice = (message: string): void => stderrReporter.notice(message);
export const endProgress = (completed = true): void => stderrReporter.end(completed);
