// Defect 7: SIGTERM to the t3kit process must end what it started (nbconvert, the tslab
// kernel, headless Chromium) and end with the signal (143), not orphan them or report a
// Playwright error. Real processes, watched through /proc.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { descendantPids } from "../../lib/processes/index";
import { alive, commandLine } from "./proc-tree";

/** Starts t3kit, waits until a descendant matching `pattern` runs, sends SIGTERM, checks the ending. */
async function terminateWhile(args: string[], pattern: RegExp, env: Record<string, string>) {
  const child = spawn(process.execPath, ["scripts/t3kit.cjs", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once("exit", (code, signal) => r({ code, signal })),
  );
  let tree: number[] = [];
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    tree = descendantPids(child.pid!);
    if (tree.some((p) => pattern.test(commandLine(p)))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(
    tree.some((p) => pattern.test(commandLine(p))),
    `no ${pattern} process started:\n${stderr}`,
  );
  await new Promise((r) => setTimeout(r, 500)); // let it get busy
  tree = descendantPids(child.pid!);
  child.kill("SIGTERM");
  const end = await exited;
  // Children get a moment to finish dying (they were signalled before the parent died).
  const until = Date.now() + 5000;
  while (tree.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const left = tree.filter(alive).map((p) => `${p}: ${commandLine(p)}`);
  for (const p of tree.filter(alive)) process.kill(p, "SIGKILL"); // never leave them to the machine
  assert.deepEqual(left, [], "processes outlived the t3kit process");
  assert.ok(end.signal === "SIGTERM" || end.code === 143, `ended with ${JSON.stringify(end)}`);
  return stderr;
}

test("SIGTERM to `t3kit notebooks` ends nbconvert and the tslab kernel too", async () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit-sigterm-nb-"));
  const stderr = await terminateWhile(["notebooks", "--only", "06-results"], /tslab/, {
    T3KIT_OUT: out,
  });
  // Said as an interruption, never as a notebook failing "in an unknown cell".
  assert.match(stderr, /t3kit notebooks: interrupted \(SIGTERM\)/);
  assert.doesNotMatch(stderr, /unknown cell|failed/);
});

test("SIGTERM to `t3kit results` ends Chromium and exits 143 without a Playwright error", async () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit-sigterm-results-"));
  const stderr = await terminateWhile(["results", "--out", out], /chrom/, {});
  assert.doesNotMatch(stderr, /playwright|Target.*closed|browserContext/i);
});
