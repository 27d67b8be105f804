// `kill -TERM` (or `timeout`) sent to `npx t3kit …` must end the real node process too: the
// wrappers (npx/npm, its shell, `sh -c`) do not pass the signal on, so the kit ends when the
// process that started it goes away. Real process trees, a real silent server on 127.0.0.1
// that keeps the command waiting, processes watched through /proc.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { descendantPids } from "../../lib/processes/index";
import { alive, commandLine } from "./proc-tree";

let asked = 0;
const server = createServer(() => {
  asked++; // and never answers
});
let endpoint: string;
const questions = join(tmpdir(), `t3kit-wrapper-${process.pid}.jsonl`);
before(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  writeFileSync(
    questions,
    `${JSON.stringify({ question: "(A) a (B) b", answer: "(A) a", qid: 1 })}\n`,
  );
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const ask = () => [
  "eval",
  "textual",
  "--endpoint",
  endpoint,
  "--model",
  "m",
  "--files",
  questions,
  "--no-cache",
];

/**
 * Starts `argv` (a wrapper around t3kit), waits for the t3kit node process under it, kills
 * only the wrapper with `signal`, and returns whether t3kit was still running 10 s later.
 */
async function killWrapper(argv: string[], signal: NodeJS.Signals | null): Promise<string[]> {
  const wrapper = spawn(argv[0], argv.slice(1), {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, T3KIT_HTTP_TIMEOUT: "", T3KIT_HTTP_DEADLINE: "" },
  });
  let kit: number | undefined;
  const asked0 = asked;
  const until = Date.now() + 60_000;
  // Running: its request reached the server.
  while ((kit === undefined || asked === asked0) && Date.now() < until) {
    kit = descendantPids(wrapper.pid!).find((p) =>
      /node .*t3kit(\.cjs)? eval textual/.test(commandLine(p)),
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(kit !== undefined && asked > asked0, "t3kit started under the wrapper and asks");
  if (signal) wrapper.kill(signal);
  await new Promise<void>((r) =>
    wrapper.exitCode !== null || wrapper.signalCode !== null
      ? r()
      : wrapper.once("exit", () => r()),
  );
  const end = Date.now() + 10_000;
  while (alive(kit) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  const left = alive(kit) ? [`${kit}: ${commandLine(kit)}`] : [];
  if (alive(kit)) process.kill(kit, "SIGKILL"); // never leave it to the machine
  return left;
}

test("kill -TERM to `npx t3kit …` ends the node process running the command", async () => {
  assert.deepEqual(await killWrapper(["npx", "--no-install", "t3kit", ...ask()], "SIGTERM"), []);
});

// `timeout` passes the signal it gets (or its own, when the time is up) to npx only; the
// time limit is left long so that a loaded machine's slow start is not cut short.
test("a shell that started t3kit and is killed, and `timeout`, end it too", async () => {
  const kit = `"${process.execPath}" scripts/t3kit.cjs ${ask().join(" ")}; echo done`;
  assert.deepEqual(await killWrapper(["sh", "-c", kit], "SIGKILL"), []);
  assert.deepEqual(
    await killWrapper(["timeout", "600", "npx", "--no-install", "t3kit", ...ask()], "SIGTERM"),
    [],
  );
});
