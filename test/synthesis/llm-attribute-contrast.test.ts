/**
 * The LLM contrast writer against a real HTTP server on 127.0.0.1 that speaks the
 * OpenAI chat-completions protocol: it fails the first call (503), then answers. The
 * writer must retry with backoff, cache the reply on disk (no request the second time),
 * reject replies that are not one-span edits, and feed verified attribute items.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createLlmContrastWriter, verifyRendered, writeSynthesis } from "../../lib/synthesis/index";

const root = mkdtempSync(join(tmpdir(), "t3kit-llm-"));
const requests: {
  path: string;
  body: { model: string; messages: { role: string; content: string }[] };
}[] = [];
let failNext = 0;
let endpoint = "";

/** What the stand-in model writes: "brown" → "white", or nonsense for "garbled". */
function reply(caption: string): string {
  if (caption.includes("garbled")) return "I cannot help with that.";
  const edited = caption
    .replace(/\bbrown\b/, "white")
    .replace(/\brusty\b/, "shiny")
    .replace(/\bwooden\b/, "metal");
  return `Sure!\n\`\`\`json\n${JSON.stringify({
    edited_caption: edited,
    question: "How does the material or colour change in the video?",
    distractor: "silver",
  })}\n\`\`\``;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  let data = "";
  req.on("data", (c) => {
    data += c;
  });
  req.on("end", () => {
    const body = JSON.parse(data);
    requests.push({ path: req.url ?? "", body });
    if (failNext > 0) {
      failNext--;
      res.writeHead(503, { "content-type": "text/plain" }).end("busy");
      return;
    }
    const caption = /Caption: (.*)/.exec(body.messages[1].content)![1];
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ choices: [{ message: { role: "assistant", content: reply(caption) } }] }),
    );
  });
}

const server = createServer(handle);
before(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

test("retries a 503, caches the reply, and asks nothing the second time", async () => {
  requests.length = 0;
  failNext = 2;
  const cacheDir = join(root, "cache1");
  const { writer, stats } = createLlmContrastWriter({
    endpoint,
    model: "stand-in",
    cacheDir,
    backoffMs: 5,
  });
  const caption = "A brown dog sleeps on a porch.";
  const c = await writer(caption);
  assert.deepEqual(c && { correct: c.correct, after: c.after }, {
    correct: "from brown to white",
    after: "A white dog sleeps on a porch.",
  });
  assert.deepEqual(c?.wrong, [
    "from white to brown",
    "it remains unchanged",
    "from brown to silver",
  ]);
  assert.equal(requests.length, 3);
  assert.equal(requests[0].path, "/v1/chat/completions");
  assert.equal(requests[0].body.model, "stand-in");
  assert.equal(stats.retries, 2);
  assert.equal(readdirSync(cacheDir).length, 1);
  const again = await writer(caption);
  assert.deepEqual(again, c);
  assert.equal(requests.length, 3, "served from the cache");
  assert.equal(stats.cacheHits, 1);
});

test("gives up after its retries with the status in the message", async () => {
  failNext = 10;
  const { writer } = createLlmContrastWriter({
    endpoint,
    model: "m",
    cacheDir: join(root, "cache2"),
    retries: 2,
    backoffMs: 1,
  });
  await assert.rejects(writer("A brown cat."), /gave up after 3 tries \(last: HTTP 503/);
  failNext = 0;
});

test("a reply that is not a one-span edit is rejected", async () => {
  const { writer, stats } = createLlmContrastWriter({
    endpoint,
    model: "m",
    cacheDir: join(root, "cache3"),
    backoffMs: 1,
  });
  assert.equal(await writer("A garbled caption about a brown box."), undefined);
  assert.equal(stats.rejected, 1);
});

test("a model that never gives a usable reply stops the run with its last reply", async () => {
  const { writer } = createLlmContrastWriter({
    endpoint,
    model: "m",
    cacheDir: join(root, "cache4"),
    maxRejectedInARow: 3,
  });
  assert.equal(await writer("A garbled one."), undefined);
  assert.equal(await writer("A garbled two."), undefined);
  await assert.rejects(
    writer("A garbled three."),
    /3 replies in a row were not one-span caption edits; last reply: I cannot help/,
  );
});

test("synthesize with --llm-endpoint makes verified attribute items from captions the lexicon misses", async () => {
  const captions = join(root, "plain.jsonl");
  const nouns = [
    "dog",
    "cat",
    "horse",
    "chair",
    "table",
    "bench",
    "box",
    "basket",
    "crate",
    "shelf",
    "door",
    "fence",
  ];
  const lines = nouns.flatMap((n, i) => [
    JSON.stringify({ id: `${i}a`, caption: `A rusty ${n} stands near a stone well in the yard.` }),
    JSON.stringify({ id: `${i}b`, caption: `A wooden ${n} rests beside the old barn at dawn.` }),
  ]);
  writeFileSync(captions, `${lines.join("\n")}\n`);
  const out = join(root, "out");
  requests.length = 0;
  const { writer, stats } = createLlmContrastWriter({
    endpoint,
    model: "m",
    cacheDir: join(out, "llm-cache"),
    backoffMs: 1,
  });
  const m = await writeSynthesis({
    captionsFile: captions,
    outDir: out,
    tasks: ["attribute"],
    lengths: [1],
    perTask: 20,
    valPerTask: 0,
    seed: 3,
    contrastWriter: writer,
    llm: { endpoint, model: "m" },
  });
  assert.equal(m.files[0].items, 20);
  assert.ok(stats.requests > 0 && requests.length === stats.requests);
  const pairs = JSON.parse(
    readFileSync(join(out, "temp_qa_attribute_train_long.json"), "utf8"),
  ) as { value: string }[][];
  for (const p of pairs) {
    const v = verifyRendered("attribute", p[0].value, p[1].value);
    assert.ok(v.ok, v.problems.join("; "));
    assert.match(p[1].value, /from (rusty to shiny|wooden to metal)/);
  }
});
