/**
 * `probe ask` against a real HTTP server on 127.0.0.1 that speaks the chat-completions
 * protocol: video mode sends the 8 sampled frames as PNG image parts after the released
 * question; text mode sends the caption prompt; answers in several styles are scored by the
 * released rules ("A cat" is not option A). Then the CLI end to end: `probe train --json`.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  askProbeModel,
  extractFeatures,
  makeProbingVideos,
  parseAspectList,
  summariseAskRecords,
} from "../../lib/probing/index";

type Part = { type: string; text?: string; image_url?: { url: string } };
const seen: { system: string; user: string | Part[] }[] = [];
let endpoint = "";
let garbage = false;

/** Answers the order question from the captions (text) or always "A cat." / "B" (video). */
function answer(user: string | Part[]): string {
  if (typeof user === "string") {
    const first = /Frame 1: This frame shows (a cat|a person)/.exec(user)?.[1];
    if (user.includes("correct order"))
      return first === "a cat" ? "The answer is (A) cat, person." : "person, cat";
    return "I am not sure.";
  }
  const text = user.find((p) => p.type === "text")?.text ?? "";
  return text.includes("bloom") ? "Unbloom" : "A cat.";
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let data = "";
  req.on("data", (c) => {
    data += c;
  });
  req.on("end", () => {
    const body = JSON.parse(data);
    const [system, user] = body.messages;
    seen.push({ system: system.content, user: user.content });
    if (garbage) {
      res.writeHead(200, { "content-type": "text/html" }).end("<html>502 Bad Gateway</html>");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        choices: [
          { message: { role: "assistant", content: answer(user.content) }, finish_reason: "stop" },
        ],
      }),
    );
  });
});
before(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const root = mkdtempSync(join(tmpdir(), "t3kit-ask-"));

/** `t3kit probe ARGS`: its stdout; throws with the child's stderr when it fails. */
function probeCli(...args: string[]): string {
  const cli = join(__dirname, "..", "..", "scripts", "t3kit.cjs");
  return execFileSync(process.execPath, [cli, "probe", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
const videos = join(root, "videos");
const aspects = parseAspectList("order,blooming");

test("video and text modes: released prompts, 8 PNG frames, scoring without misreadings", async () => {
  await makeProbingVideos({ out: videos, aspects, perClass: 1, seed: 3 });
  const video = await askProbeModel({ endpoint, model: "m", videos, aspects, mode: "video" });
  assert.equal(video.length, 4);
  const first = seen[0];
  assert.equal(first.system, "You are a helpful assistant.");
  const parts = first.user as Part[];
  assert.equal(parts.length, 9);
  assert.ok(
    parts
      .slice(0, 8)
      .every(
        (p) =>
          p.type === "image_url" &&
          p.image_url!.url.startsWith("data:image/png;base64,iVBORw0KGgo"),
      ),
  );
  assert.match(parts[8].text!, /^Question: What is the correct order/);
  // "A cat." names no order option: not read as option A, so scored wrong for cats_people too.
  const order = video.filter((r) => r.aspect === "order");
  assert.deepEqual(
    order.map((r) => [r.id, r.correct, r.choice, r.score]),
    [
      ["cats_people_cats_people_000", "A", null, 0],
      ["people_cats_people_cats_000", "B", null, 0],
    ],
  );
  const bloom = video.filter((r) => r.aspect === "blooming");
  assert.deepEqual(
    bloom.map((r) => [r.className, r.choice, r.score]),
    [
      ["bloom", "B", 0],
      ["bloom_reverse", "B", 1],
    ],
  );
  seen.length = 0;
  const text = await askProbeModel({
    endpoint,
    model: "m",
    videos,
    aspects,
    mode: "text",
    cacheDir: join(root, "cache"),
  });
  assert.match(seen[0].user as string, /^Using the provided frame-by-frame video description/);
  const summary = summariseAskRecords(text);
  assert.deepEqual(
    summary.map((s) => [s.name, s.accuracy]),
    [
      ["order", 1],
      ["blooming", 0],
      ["Order", 1],
      ["Attribute", 0],
    ],
  );
});

test("an endpoint that answers garbage: the error names the aspect and video", async () => {
  garbage = true;
  try {
    await assert.rejects(
      askProbeModel({
        endpoint,
        model: "m",
        videos,
        aspects,
        mode: "text",
        maxRetries: 1,
        backoffMs: 1,
        concurrency: 1,
      }),
      /^ChatServerError: order video cats_people_cats_people_000: .*gave up after 2 tries .*not JSON/,
    );
  } finally {
    garbage = false;
  }
});

test("CLI: probe train --json prints one JSON object with every seed's accuracy", async () => {
  const features = join(root, "features");
  await extractFeatures({ videos, out: features, aspects });
  const stdout = probeCli(
    "train",
    "--features",
    features,
    ..."--probe linear --aspects order --seeds 12,22 --epochs 3 --json".split(" "),
    "--out",
    join(root, "table.csv"),
  );
  const parsed = JSON.parse(stdout) as {
    results: { aspect: string; probe: string; seed: number; accuracy: number }[];
  };
  assert.deepEqual(
    parsed.results.map((r) => [r.aspect, r.probe, r.seed]),
    [
      ["order", "linear", 12],
      ["order", "linear", 22],
    ],
  );
  assert.ok(parsed.results.every((r) => r.accuracy >= 0 && r.accuracy <= 1));
  assert.throws(
    () => probeCli("train", "--features", features, "--resize", "12by3"),
    (err: { stderr: Buffer }) => /--resize: "12by3" is not TOKENSxDIMS/.test(err.stderr.toString()),
  );
});
