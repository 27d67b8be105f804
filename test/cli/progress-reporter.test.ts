/**
 * The command line's one progress reporter (scripts/cli/progress-reporter.ts): lib/hub
 * reports Progress in bytes, other stages counts and notes; the reporter draws the line a
 * terminal redraws in place, or a line per interval in a log, and prints notes and notices
 * as lines of their own.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createProgressReporter, progressLine } from "../../scripts/cli/progress-reporter";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream,
  };
}

const bytes = (done: number, total: number) => ({ done, total, unit: "bytes", note: "o/n" });

test("progress line shows percent, bytes, speed and time left", () => {
  assert.equal(
    progressLine("o/n", 820_000_000, 1_640_000_000, 20_000_000, 10),
    "o/n  50% [#####.....] 820 MB / 1.64 GB  20.0 MB/s  eta 41s",
  );
  assert.equal(progressLine("o/n", 0, 0, 0, 4), "o/n 100% [####] 0 B / 0 B  0 B/s  eta ?");
});

test("a TTY gets one line redrawn in place, ended when the bytes are all in", () => {
  let t = 0;
  const tty = fakeStream(true);
  const r = createProgressReporter(tty.stream, { now: () => t, redrawMs: 100 });
  r.report(bytes(0, 500)); // the download starts: nothing on disk yet
  t = 50;
  r.report(bytes(100, 500)); // too soon: not drawn
  t = 1000;
  r.report(bytes(500, 500));
  r.end();
  assert.equal(tty.writes.length, 2, "the final state drawn once, then the line ended");
  assert.ok(tty.writes[0].startsWith("\ro/n 100% "));
  assert.ok(tty.writes[0].endsWith("\x1b[K"));
  assert.match(tty.writes[0], /^\ro\/n 100% \[#+\] 500 B \/ 500 B {2}500 B\/s {2}eta 0s/);
  assert.equal(tty.writes[1], "\n");
});

test("a log gets a line every interval; resumed bytes count as done, not as speed", () => {
  let t = 0;
  const log = fakeStream(false);
  const r = createProgressReporter(log.stream, { now: () => t, lineIntervalMs: 10_000 });
  r.report(bytes(200, 1000)); // 200 bytes were on disk from an earlier run
  for (let i = 1; i <= 8; i++) {
    t = i * 2500;
    r.report(bytes(200 + i * 100, 1000));
  }
  assert.deepEqual(
    log.writes.map((w) => w.slice(0, 9)),
    ["o/n  60% ", "o/n 100% "],
  );
  // 800 bytes arrived in 20 s: 40 B/s, not (1000 bytes / 20 s).
  assert.match(log.writes[1], / {2}40 B\/s {2}eta 0s\n$/);
  assert.ok(log.writes.every((w) => w.endsWith("\n") && !w.includes("\r")));
});

test("a failed download's bar is ended, not redrawn; notices and notes are lines", () => {
  let t = 0;
  const failed = fakeStream(true);
  const r = createProgressReporter(failed.stream, { now: () => t });
  r.report(bytes(0, 10));
  r.end(false);
  assert.deepEqual(failed.writes, [], "nothing drawn, nothing to end");
  t = 500;
  r.report(bytes(0, 10));
  t = 1000;
  r.report(bytes(5, 10));
  r.notice("hub: HTTP 503; retry 1 in 0.4 s");
  r.report({ note: "fetching hub:o/n/a.json" });
  r.end(false);
  assert.equal(failed.writes.length, 4);
  assert.match(failed.writes[0], /^\ro\/n {2}50% /);
  // The notice ends the bar's line first, so it stands on a line of its own.
  assert.deepEqual(failed.writes.slice(1), [
    "\n",
    "hub: HTTP 503; retry 1 in 0.4 s\n",
    "fetching hub:o/n/a.json\n",
  ]);
});

test("a count is a status line: redrawn on a terminal, its last state drawn at the end", () => {
  let t = 0;
  const tty = fakeStream(true);
  const r = createProgressReporter(tty.stream, { now: () => t, redrawMs: 100 });
  r.report({ done: 1, total: 3, unit: "records" });
  t = 150;
  r.report({ done: 2, total: 3, unit: "records" });
  t = 160;
  r.report({ note: "writing mix.json" });
  t = 400;
  r.report({ done: 10, unit: "captions", note: "read" });
  r.end();
  assert.deepEqual(tty.writes, [
    "\r2 / 3 records\x1b[K",
    "\n",
    "writing mix.json\n",
    "\rread (10 captions)\x1b[K",
    "\n",
  ]);
});

test("in a log, a count that ends within the interval is one line, drawn at the end", () => {
  let t = 0;
  const log = fakeStream(false);
  const r = createProgressReporter(log.stream, { now: () => t });
  for (let i = 1; i <= 50; i++) {
    t = i * 100;
    r.report({ done: i * 1000, unit: "records" });
  }
  r.end();
  assert.deepEqual(log.writes, ["50000 records\n"]);
});
