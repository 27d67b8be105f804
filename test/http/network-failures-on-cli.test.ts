/**
 * Every network call has a deadline and ends in one line: `eval textual` (the chat client)
 * and `hub list` (the Hub client) run as a user runs them, against real HTTP servers on
 * 127.0.0.1 that never answer, answer 500, 401, bad or truncated JSON, ask to wait with
 * Retry-After, or are not there at all, and with an endpoint that is not a URL. Each run
 * prints a line per retry (what failed, when the next try is) and ends with one line that
 * names the endpoint, never a stack.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { type AddressInfo, createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../../lib/paths/index";

const dir = mkdtempSync(join(tmpdir(), "t3kit-net-"));
const questions = join(dir, "val.jsonl");
writeFileSync(
  questions,
  `${JSON.stringify({ question: "Which came first?\n(A) a cat\n(B) a dog", answer: "(A) a cat", qid: 1 })}\n`,
);

/** Requests seen, per mode, so a test can count the tries. */
const seen = new Map<string, number>();
let server: Server;
let base: string;
/** A port nothing listens on: bound, then closed. */
let refusedPort: number;

function chatReply(res: ServerResponse, content: string): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content } }] }));
}

/** `/<mode>/…`: what the server does is named by the first path segment. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const mode = (req.url ?? "").split("/")[1];
  const n = (seen.get(mode) ?? 0) + 1;
  seen.set(mode, n);
  req.resume();
  req.on("end", () => {
    if (mode === "silent") return; // never answers
    if (mode === "e500") return void res.writeHead(500).end("internal error");
    if (mode === "e401") return void res.writeHead(401).end('{"error":"no key"}');
    if (mode === "badjson") return void res.writeHead(200).end("<html>gateway</html>");
    if (mode === "truncated") {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"choices":[{"message":{"content":"(A');
      return void setTimeout(() => res.socket?.destroy(), 5);
    }
    if (mode === "truncatedhub") {
      // The whole (short) body arrives, but it is JSON cut in the middle.
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end('{"sha":"0123456789abcdef');
    }
    if (mode === "retryafter") {
      if (n === 1) return void res.writeHead(429, { "retry-after": "1" }).end("slow down");
      return chatReply(res, "(A) a cat");
    }
    res.writeHead(404).end();
  });
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createTcpServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  refusedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  return new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function t3kit(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(projectRoot, "scripts", "t3kit.cjs"), ...args],
      {
        env: {
          ...process.env,
          HF_HOME: join(dir, "hf"),
          HF_HUB_CACHE: "",
          HF_TOKEN: "",
          OPENAI_API_KEY: "",
          T3KIT_HTTP_TIMEOUT: "",
          T3KIT_HTTP_RETRIES: "",
          T3KIT_HTTP_DEADLINE: "",
          ...env,
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? null) : 0;
        resolve({ code, stdout, stderr, ms: performance.now() - start });
      },
    );
  });
}

function textual(endpoint: string, extra: string[] = [], env: Record<string, string> = {}) {
  return t3kit(
    [
      "eval",
      "textual",
      "--endpoint",
      endpoint,
      "--model",
      "m",
      "--files",
      questions,
      "--no-cache",
      ...extra,
    ],
    env,
  );
}

/** The run failed with one last line that names `endpoint` and matches `problem`, no stack. */
function assertOneLineEnd(run: Run, endpoint: string, problem: RegExp): void {
  assert.equal(run.code, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  assert.doesNotMatch(run.stderr, /T3KIT_DEBUG|Error:/, "a known failure, not a crash");
  const lines = run.stderr.trimEnd().split("\n");
  const last = lines[lines.length - 1];
  assert.ok(last.includes(endpoint), `the last line names ${endpoint}: ${last}`);
  assert.match(last, problem);
}

const retryLines = (run: Run) =>
  run.stderr.split("\n").filter((l) => /; try \d+ of \d+ in /.test(l));

test("a server that never answers: a line per try past its deadline, then the call's deadline ends it", async () => {
  const endpoint = `${base}/silent/v1`;
  const run = await textual(endpoint, ["--timeout", "0.4", "--retries", "9", "--deadline", "3"]);
  assertOneLineEnd(
    run,
    endpoint,
    /gave up after \d tries: the deadline of 3 s would pass before another \(last: no reply within \d+ ms\)/,
  );
  const retries = retryLines(run);
  assert.ok(retries.length >= 1, run.stderr);
  assert.match(
    retries[0],
    /silent\/v1\/chat\/completions: conversation 0 \(model m\): no reply within 400 ms; try 2 of 10 in 1 s/,
  );
  // The environment sets the same (the flags win over it).
  const byEnv = await textual(endpoint, ["--retries", "1"], {
    T3KIT_HTTP_TIMEOUT: "0.3",
    T3KIT_HTTP_RETRIES: "7",
  });
  assertOneLineEnd(byEnv, endpoint, /gave up after 2 tries \(last: no reply within 300 ms\)/);
  assert.match(retryLines(byEnv)[0], /try 2 of 2 in 1 s/);
});

test("500, bad JSON and truncated JSON are retried with a line each; the end names the endpoint", async () => {
  for (const [mode, problem] of [
    ["e500", /HTTP 500: "internal error"/],
    ["badjson", /reply is not JSON/],
    ["truncated", /terminated|fetch failed|not JSON|other side closed/],
  ] as const) {
    seen.set(mode, 0);
    const endpoint = `${base}/${mode}/v1`;
    const run = await textual(endpoint, ["--retries", "2", "--timeout", "5"]);
    assertOneLineEnd(run, endpoint, /gave up after 3 tries/);
    assert.match(run.stderr.trimEnd().split("\n").at(-1) ?? "", problem);
    assert.equal(retryLines(run).length, 2, run.stderr);
    assert.equal(seen.get(mode), 3, `${mode}: 3 tries`);
  }
});

test("401 is not retried: one line naming the endpoint and the API key", async () => {
  seen.set("e401", 0);
  const endpoint = `${base}/e401/v1`;
  const run = await textual(endpoint);
  assertOneLineEnd(
    run,
    endpoint,
    /HTTP 401: .*not retried: the server wants an API key \(OPENAI_API_KEY\)/,
  );
  assert.equal(seen.get("e401"), 1);
});

test("Retry-After is seconds: the retry line says 1 s and the next try waits for it", async () => {
  seen.set("retryafter", 0);
  const run = await textual(`${base}/retryafter/v1`, ["--json"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(retryLines(run)[0], /HTTP 429: "slow down"; try 2 of 6 in 1 s$/);
  assert.equal(seen.get("retryafter"), 2);
  assert.equal(JSON.parse(run.stdout).files[0].accuracy, 1);
});

test("a refused connection and an endpoint that is not a URL: one line each", async () => {
  const endpoint = `http://127.0.0.1:${refusedPort}/v1`;
  const run = await textual(endpoint, ["--retries", "1"]);
  assertOneLineEnd(run, endpoint, /gave up after 2 tries \(last: fetch failed \(ECONNREFUSED\)\)/);
  assert.equal(retryLines(run).length, 1);
  const notUrl = await textual("notaurl");
  assertOneLineEnd(notUrl, "notaurl", /is not a URL/);
  const badEnv = await textual(endpoint, [], { T3KIT_HTTP_TIMEOUT: "soon" });
  assertOneLineEnd(badEnv, "T3KIT_HTTP_TIMEOUT", /"soon" is not a number of seconds/);
});

test("hub list: a silent Hub, a 500 and truncated JSON end in one line naming the Hub", async () => {
  const silent = `${base}/silent`;
  const run = await t3kit(["hub", "list", "t3kit/demo", "--timeout", "0.3", "--retries", "1"], {
    HF_ENDPOINT: silent,
  });
  assertOneLineEnd(
    run,
    silent,
    /cannot reach .*gave up after 2 tries \(last: no reply within 300 ms\)/,
  );
  assert.match(
    run.stderr,
    /^hub: .*silent\/api\/datasets\/t3kit\/demo\/revision\/main: no reply within 300 ms; retry 1 of 1 in \d\.\d s$/m,
  );
  const byDeadline = await t3kit(["hub", "list", "t3kit/demo"], {
    HF_ENDPOINT: silent,
    T3KIT_HTTP_TIMEOUT: "0.3",
    T3KIT_HTTP_DEADLINE: "0.5",
  });
  assertOneLineEnd(byDeadline, silent, /the deadline of 500 ms would pass/);
  const e500 = `${base}/e500`;
  const failing = await t3kit(["hub", "list", "t3kit/demo", "--retries", "1"], {
    HF_ENDPOINT: e500,
  });
  assertOneLineEnd(failing, "datasets/t3kit/demo@main", /HTTP 500/);
  const cut = `${base}/truncatedhub`;
  const truncated = await t3kit(["hub", "list", "t3kit/demo"], { HF_ENDPOINT: cut });
  assertOneLineEnd(truncated, cut, /not JSON \(cut short\?\)/);
});

test("--help names the flags, their variables and the defaults the clients use", async () => {
  const { CHAT_DEFAULTS } = await import("../../lib/model-server/index");
  const { DEFAULT_RETRY } = await import("../../lib/hub/index");
  const flat = (run: Run) => run.stdout.replace(/\s+/g, " ");
  const chat = { stdout: flat(await t3kit(["eval", "textual", "--help"])) } as Run;
  assert.match(
    chat.stdout,
    new RegExp(
      `--timeout <S> .*T3KIT_HTTP_TIMEOUT, else ${CHAT_DEFAULTS.timeoutMs / 1000}\\)`,
      "s",
    ),
  );
  assert.match(
    chat.stdout,
    new RegExp(`--retries <N> .*T3KIT_HTTP_RETRIES, else ${CHAT_DEFAULTS.maxRetries}\\)`, "s"),
  );
  assert.match(
    chat.stdout,
    new RegExp(
      `--deadline <S> .*T3KIT_HTTP_DEADLINE, else ${CHAT_DEFAULTS.deadlineMs / 1000}\\)`,
      "s",
    ),
  );
  const ask = { stdout: flat(await t3kit(["probe", "ask", "--help"])) } as Run;
  assert.match(ask.stdout, /--timeout <S>.*--retries <N>.*--deadline <S>/s);
  const hub = { stdout: flat(await t3kit(["hub", "list", "--help"])) } as Run;
  assert.match(
    hub.stdout,
    new RegExp(`T3KIT_HTTP_TIMEOUT, else ${DEFAULT_RETRY.tryTimeoutMs! / 1000}\\)`),
  );
  assert.match(hub.stdout, new RegExp(`T3KIT_HTTP_RETRIES, else ${DEFAULT_RETRY.tries - 1}\\)`));
  assert.match(
    hub.stdout,
    new RegExp(`T3KIT_HTTP_DEADLINE, else ${DEFAULT_RETRY.deadlineMs! / 1000}\\)`),
  );
});
