/**
 * The chat client's defaults and the slips planted bugs showed, against real servers on
 * 127.0.0.1: the default retry count and deadlines, Retry-After read as seconds, and the
 * answer cache keyed with the endpoint (one server's answers never reused for another).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CHAT_DEFAULTS, type ChatMessage, askChatServer } from "../../lib/model-server/index";
import type { Progress } from "../../lib/progress/index";
import { type ChatStandIn, startChatStandIn } from "./chat-stand-in";

let a: ChatStandIn;
let b: ChatStandIn;
const root = mkdtempSync(join(tmpdir(), "t3kit-chat-planted-"));
before(async () => {
  a = await startChatStandIn();
  b = await startChatStandIn();
});
after(async () => {
  await a.close();
  await b.close();
  rmSync(root, { recursive: true, force: true });
});

const ask = (text: string): ChatMessage[] => [{ role: "user", content: text }];

test("the defaults: 4 in flight, 5 retries, 60 s a try, 3 minutes a request, 1 s first backoff", () => {
  assert.deepEqual(
    { ...CHAT_DEFAULTS },
    { concurrency: 4, maxRetries: 5, timeoutMs: 60_000, deadlineMs: 180_000, backoffMs: 1000 },
  );
});

test("by default a failing request is tried 6 times (5 retries), each retry a note", async () => {
  a.requests.length = 0;
  const notes: string[] = [];
  await assert.rejects(
    askChatServer(
      { endpoint: a.endpoint, model: "m", backoffMs: 1 },
      [ask("x fail=503x99")],
      (p: Progress) => {
        if (p.note) notes.push(p.note);
      },
    ),
    /gave up after 6 tries \(last: HTTP 503: "busy"\)/,
  );
  assert.equal(a.requests.length, 6);
  assert.equal(notes.length, 5);
  assert.match(
    notes[0],
    /\/v1\/chat\/completions: conversation 0 \(model m\): HTTP 503: "busy"; try 2 of 6 in 1 ms$/,
  );
  assert.match(notes[4], /; try 6 of 6 in 16 ms$/);
});

test("Retry-After is seconds: '0' waits the backoff, and the wait is never shorter than asked", async () => {
  // The stand-in's 429 says Retry-After: 0; a backoff of 300 ms beats it.
  const notes: string[] = [];
  const [answer] = await askChatServer(
    { endpoint: a.endpoint, model: "m", backoffMs: 300 },
    [ask("y fail=429x1")],
    (p) => p.note && notes.push(p.note),
  );
  assert.equal(answer.tries, 2);
  assert.match(notes[0], /HTTP 429: "slow down"; try 2 of 6 in 300 ms$/);
});

test("the answer cache is keyed with the endpoint: another server is asked, not answered from the first's cache", async () => {
  const cacheDir = join(root, "cache");
  a.requests.length = 0;
  b.requests.length = 0;
  const [fromA] = await askChatServer({ endpoint: a.endpoint, model: "m", cacheDir }, [
    ask("same"),
  ]);
  assert.equal(fromA.cached, false);
  const [againA] = await askChatServer({ endpoint: `${a.endpoint}/`, model: "m", cacheDir }, [
    ask("same"),
  ]);
  assert.equal(
    againA.cached,
    true,
    "the same server (a trailing slash aside) is answered from the cache",
  );
  const [fromB] = await askChatServer({ endpoint: b.endpoint, model: "m", cacheDir }, [
    ask("same"),
  ]);
  assert.equal(fromB.cached, false, "another server's answer is never reused");
  assert.equal(a.requests.length, 1);
  assert.equal(b.requests.length, 1);
});
