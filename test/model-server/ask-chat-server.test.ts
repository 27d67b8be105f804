/**
 * askChatServer against a real HTTP server on 127.0.0.1 that speaks the chat-completions
 * protocol, answers in several styles and fails on purpose (see chat-stand-in.ts).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type ChatMessage, askChatServer, chatCompletionsUrl } from "../../lib/model-server/index";
import { type ChatStandIn, startChatStandIn } from "./chat-stand-in";

let server: ChatStandIn;
const root = mkdtempSync(join(tmpdir(), "t3kit-chat-"));
before(async () => {
  server = await startChatStandIn();
});
after(() => server.close());

const ask = (text: string): ChatMessage[] => [
  { role: "system", content: "You are a helpful assistant." },
  { role: "user", content: text },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

test("answers in request order, greedy, within the concurrency bound", async () => {
  server.requests.length = 0;
  server.maxInFlight = 0;
  const texts = [300, 0, 200, 50, 0, 250, 100].map((ms, i) => `q${i} delay=${ms}`);
  const progress: number[] = [];
  const answers = await askChatServer(
    {
      endpoint: server.endpoint,
      model: "stand-in",
      apiKey: "sk-test",
      concurrency: 3,
      maxTokens: 16,
    },
    texts.map(ask),
    (p) => {
      assert.deepEqual([p.total, p.unit], [texts.length, "answers"]);
      progress.push(p.done ?? -1);
    },
  );
  assert.deepEqual(
    answers.map((a) => a.text),
    texts.map((t) => `echo: ${t}`),
  );
  assert.ok(answers.every((a) => !a.cached && a.finishReason === "stop"));
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7]);
  assert.ok(server.maxInFlight <= 3 && server.maxInFlight >= 2, `in flight ${server.maxInFlight}`);
  for (const r of server.requests) {
    assert.equal(r.url, "/v1/chat/completions");
    assert.equal(r.authorization, "Bearer sk-test");
    assert.equal(r.body.temperature, 0);
    assert.equal(r.body.max_tokens, 16);
    assert.equal(r.body.model, "stand-in");
  }
});

test("sends image parts untouched and reads text-part answers and cut-off ones", async () => {
  server.requests.length = 0;
  const image = "data:image/png;base64,iVBORw0KGgo=";
  const conversation: ChatMessage[] = [
    {
      role: "user",
      content: [
        { type: "image_url", image_url: { url: image } },
        { type: "text", text: "Which item? style=parts" },
      ],
    },
  ];
  const [parts, long] = await askChatServer(
    { endpoint: `${server.endpoint}/chat/completions/`, model: "m" },
    [conversation, ask("style=long")],
  );
  assert.equal(parts.text, "(B) a cat");
  assert.equal(long.finishReason, "length");
  assert.deepEqual(server.requests[0].body.messages, conversation);
  assert.equal(server.requests[0].authorization, undefined);
  assert.equal("max_tokens" in server.requests[0].body, false);
});

test("retries 503, 429, dropped and cut connections, garbage and slow replies", async () => {
  server.requests.length = 0;
  const failures = [
    "503x2",
    "429x1",
    "dropx2",
    "cutx1",
    "garbagex1",
    "htmlx1",
    "nochoicesx1",
    "slowx1",
    "500x1",
  ];
  const texts = failures.map((f) => `retry fail=${f}`);
  const answers = await askChatServer(
    {
      endpoint: server.endpoint,
      model: "m",
      backoffMs: 1,
      // A slow reply comes after 4 s; 1 s is far above a normal reply even on a busy
      // machine, and spare retries keep a rare spurious timeout from failing the test.
      timeoutMs: 1000,
      maxRetries: 5,
      concurrency: 4,
    },
    texts.map(ask),
  );
  assert.deepEqual(
    answers.map((a) => a.text),
    texts.map((t) => `echo: ${t}`),
  );
  // Each message was tried at least once more than it was failed on purpose.
  for (const [i, f] of failures.entries()) {
    const tries = server.requests.filter((r) => r.body.messages[1].content === texts[i]).length;
    assert.ok(tries >= Number(f.split("x")[1]) + 1, `${f}: ${tries} tries`);
  }
});

test("gives up after maxRetries with an error naming the URL, conversation and problem", async () => {
  server.requests.length = 0;
  const cacheDir = join(root, "giveup");
  const texts = ["ok 1", "ok 2", "bad fail=garbagex99", "later 1", "later 2", "later 3"];
  await assert.rejects(
    askChatServer(
      {
        endpoint: server.endpoint,
        model: "m",
        backoffMs: 1,
        maxRetries: 2,
        concurrency: 1,
        cacheDir,
      },
      texts.map(ask),
    ),
    (err: Error) => {
      assert.match(
        err.message,
        /\/v1\/chat\/completions: conversation 2 \(model m\): gave up after 3 tries/,
      );
      assert.match(err.message, /not JSON/);
      return true;
    },
  );
  // No request starts after the failure; the answers received are cached, nothing half-written.
  assert.equal(server.requests.length, 2 + 3);
  assert.equal(filesUnder(cacheDir).length, 2);
  assert.ok(filesUnder(cacheDir).every((f) => /^[0-9a-f]{64}\.json$/.test(f)));
});

test("does not retry a 400 (a wrong model stays wrong)", async () => {
  server.requests.length = 0;
  await assert.rejects(
    askChatServer({ endpoint: server.endpoint, model: "m", backoffMs: 1 }, [ask("fail=400x9")]),
    /HTTP 400: .*unknown model.*not retried/,
  );
  assert.equal(server.requests.length, 1);
});

test("the disk cache answers a rerun without a request, and a broken entry is asked again", async () => {
  const cacheDir = join(root, "cache");
  const texts = [
    "猫か人か？ 🐱",
    "control \u0000\u001b[31m chars",
    'quote " and \\ backslash',
    "plain",
  ];
  const options = { endpoint: server.endpoint, model: "m", cacheDir };
  server.requests.length = 0;
  const first = await askChatServer(options, texts.map(ask));
  assert.equal(server.requests.length, 4);
  assert.deepEqual(
    first.map((a) => a.text),
    texts.map((t) => `echo: ${t}`),
  );
  server.requests.length = 0;
  const second = await askChatServer(options, texts.map(ask));
  assert.equal(server.requests.length, 0);
  assert.deepEqual(
    first.map((a) => a.tries),
    [1, 1, 1, 1],
  );
  assert.deepEqual(
    second,
    first.map((a) => ({ ...a, cached: true, tries: 0 })),
  );
  // Another model or max_tokens is another question.
  await askChatServer({ ...options, model: "other" }, [ask("plain")]);
  await askChatServer({ ...options, maxTokens: 5 }, [ask("plain")]);
  assert.equal(server.requests.length, 2);
  // A truncated entry (a crash of some other writer) is not trusted.
  const entries = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((d) =>
    d.isFile(),
  );
  for (const e of entries) writeFileSync(join(e.parentPath ?? e.path, e.name), '{"key":');
  server.requests.length = 0;
  const third = await askChatServer(options, texts.map(ask));
  assert.equal(server.requests.length, 4);
  assert.deepEqual(
    third.map((a) => a.text),
    first.map((a) => a.text),
  );
  assert.ok(filesUnder(cacheDir).every((f) => !f.includes(".tmp")));
});

test("rejects bad endpoints and options before any request", async () => {
  assert.equal(chatCompletionsUrl("http://h:1/v1/"), "http://h:1/v1/chat/completions");
  assert.equal(
    chatCompletionsUrl("http://h:1/v1/chat/completions"),
    "http://h:1/v1/chat/completions",
  );
  await assert.rejects(askChatServer({ endpoint: "not a url", model: "m" }, []), /not a URL/);
  await assert.rejects(askChatServer({ endpoint: "ftp://h/v1", model: "m" }, []), /http/);
  await assert.rejects(
    askChatServer({ endpoint: server.endpoint, model: "m", concurrency: 0 }, []),
    /concurrency/,
  );
  await assert.rejects(askChatServer({ endpoint: server.endpoint, model: "" }, []), /model/);
  assert.deepEqual(await askChatServer({ endpoint: server.endpoint, model: "m" }, []), []);
});

test("a server that is not there fails with the connection problem", async () => {
  await assert.rejects(
    askChatServer({ endpoint: "http://127.0.0.1:9/v1", model: "m", maxRetries: 1, backoffMs: 1 }, [
      ask("x"),
    ]),
    /127\.0\.0\.1:9\/v1\/chat\/completions: conversation 0 .*gave up after 2 tries .*fetch failed/,
  );
});
