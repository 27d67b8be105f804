/**
 * `npx t3kit tokens` end to end, through the real CLI and worker threads: count, filter
 * (its JSON output checked byte for byte against python3's json.dump of the kept
 * records), image sizes from images real ffmpeg wrote, and the errors users see.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { projectRoot } from "../../lib/paths/index";

const dir = mkdtempSync(join(tmpdir(), "t3kit-tokens-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function t3kit(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(projectRoot, "scripts/t3kit.cjs"), "tokens", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, T3KIT_OUT: join(dir, "out") },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rows = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const turn = (from: string, value: string) => ({ from, value });

const llava = [
  {
    id: "GCC_train_1",
    image: "a.png",
    conversations: [turn("human", "<image>\nDescribe it."), turn("gpt", "A test pattern.")],
  },
  {
    id: "tempqa-order-8x-v2-long3",
    conversations: [
      turn("human", "Captions:\n" + "A dog runs. ".repeat(400)),
      turn("gpt", "(A) x"),
    ],
  },
  {
    id: "tempqa-order-long-v20",
    conversations: [turn("human", "Q ünïcode — “quotes”"), turn("gpt", "(B) y")],
    extra: { keep: [1.0, 2] },
  },
];

test("count: T3 pairs get their index as id and the file name as source", () => {
  const file = join(dir, "temp_qa_order_train_long.json");
  writeFileSync(
    file,
    JSON.stringify([
      [turn("human", "Q1"), turn("gpt", "A1")],
      [turn("human", "Q2"), turn("gpt", "A2")],
    ]),
  );
  const out = join(dir, "counts.jsonl");
  const r = t3kit("count", "--workers", "2", "--out", out, file);
  assert.equal(r.code, 0, r.stderr);
  const got = rows(readFileSync(out, "utf8"));
  assert.deepEqual(
    got.map((x) => [x.id, x.source]),
    [
      [0, "temp_qa_order_train_long"],
      [1, "temp_qa_order_train_long"],
    ],
  );
  assert.equal(
    got[0].total_tokens,
    got[0].text_tokens + got[0].template_tokens + got[0].visual_tokens,
  );
  assert.match(r.stderr, /2 records/);
});

test("count: image sizes come from the files' headers", () => {
  const images = join(dir, "images");
  mkdirSync(images, { recursive: true });
  for (const [name, size] of [
    ["a.png", "336x336"],
    ["b.jpg", "640x480"],
  ]) {
    execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      `testsrc=size=${size}`,
      "-frames:v",
      "1",
      "-y",
      join(images, name),
    ]);
  }
  const file = join(dir, "imgs.jsonl");
  const rec = (id: string, image: string) => ({
    id,
    image,
    conversations: [turn("human", "<image>\nQ"), turn("gpt", "A")],
  });
  writeFileSync(
    file,
    `${JSON.stringify(rec("x1", "a.png"))}\n${JSON.stringify(rec("x2", "b.jpg"))}\n`,
  );
  const longva = rows(t3kit("count", "--image-folder", images, file).stdout);
  // 336x336 → a 1x2 grid (no 1x1 pinpoint) = 2·144; 640x480 → 2x2 = 4·144.
  assert.deepEqual(
    longva.map((x) => x.visual_tokens),
    [288, 576],
  );
  const qwen = rows(t3kit("count", "--template", "qwen2vl", "--image-folder", images, file).stdout);
  // 336x336 → 12·12 + 2; 640x480 → 644x476 → 23·17 + 2.
  assert.deepEqual(
    qwen.map((x) => x.visual_tokens),
    [146, 393],
  );
});

test("count: a missing image is an error naming file, record and field, or counted on request", () => {
  const file = join(dir, "missing.json");
  writeFileSync(file, JSON.stringify(llava));
  const r = t3kit("count", "--image-folder", join(dir, "nowhere"), file);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.json, record 0, field image: image .*a\.png does not exist/);
  const ok = t3kit(
    "count",
    "--image-folder",
    join(dir, "nowhere"),
    "--missing-images",
    "default",
    file,
  );
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(rows(ok.stdout)[0].missing_images, 1);
  assert.match(ok.stderr, /1 missing images counted with the default size/);
});

test("count: bad turns and unknown tokenizers are refused clearly", () => {
  const file = join(dir, "bad.jsonl");
  writeFileSync(
    file,
    `${JSON.stringify(llava[0])}\n${JSON.stringify({ id: 2, conversations: [turn("human", "Q"), { from: "gpt", value: ["A"] }] })}\n`,
  );
  const r = t3kit("count", file);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /bad\.jsonl, record 1, field conversations\[1\]\.value: expected a string, got an array/,
  );
  const t = t3kit("count", "--tokenizer", "llama", file);
  assert.equal(t.code, 2);
  assert.match(t.stderr, /unknown tokenizer "llama"/);
});

test("filter: a JSON array comes out as python3's json.dump(kept, indent=4)", () => {
  const file = join(dir, "mix.json");
  writeFileSync(file, JSON.stringify(llava, null, 1).replace("[1, 2]", "[1.0, 2]"));
  const out = join(dir, "kept.json");
  const report = join(dir, "report.json");
  const r = t3kit("filter", "--max-tokens", "1000", "--out", out, "--report", report, file);
  assert.equal(r.code, 0, r.stderr);
  const expected = execFileSync(
    "python3",
    [
      "-c",
      "import json,sys; d=json.load(open(sys.argv[1])); sys.stdout.write(json.dumps([x for x in d if x['id'] != 'tempqa-order-8x-v2-long3'], indent=4))",
      file,
    ],
    { encoding: "utf8" },
  );
  assert.equal(readFileSync(out, "utf8"), expected);
  const rep = JSON.parse(readFileSync(report, "utf8"));
  assert.equal(rep.dropped, 1);
  assert.deepEqual(
    rep.bySource.find((s: { source: string }) => s.source === "tempqa-order-8x"),
    {
      source: "tempqa-order-8x",
      records: 1,
      dropped: 1,
      droppedShare: 1,
    },
  );
  assert.match(r.stderr, /tempqa-order-8x: dropped 1 of 1 \(100\.00%\)/);
});

test("filter: JSONL lines are kept byte for byte; presets apply their limits", () => {
  const file = join(dir, "mix.jsonl");
  const lines = llava.map((x) => JSON.stringify(x, null, 0).replace('"Q ', '"Q  '));
  writeFileSync(file, `${lines.join("\n")}\n`);
  const out = join(dir, "kept.jsonl");
  const r = t3kit("filter", "--preset", "qwen2vl-72b", "--out", out, file);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(out, "utf8"), `${lines[0]}\n${lines[1]}\n${lines[2]}\n`);
  const tight = t3kit("filter", "--max-tokens", "100", "--template", "none", "--out", out, file);
  assert.equal(tight.code, 0, tight.stderr);
  // No vision model under the none template: the image record is short too.
  assert.equal(readFileSync(out, "utf8"), `${lines[0]}\n${lines[2]}\n`);
  assert.equal(t3kit("filter", "--preset", "gpt5", "--out", out, file).code, 2);
});

test("report: per-mix and per-source tables and figures from records and from count rows", () => {
  const mix = join(dir, "report-mix.json");
  writeFileSync(mix, JSON.stringify(llava));
  const counts = join(dir, "report-counts.jsonl");
  assert.equal(t3kit("count", "--out", counts, mix).code, 0);
  const r = t3kit("report", "--max-tokens", "5120", counts, mix);
  assert.equal(r.code, 0, r.stderr);
  const out = join(dir, "out");
  const byMix = readFileSync(join(out, "tables", "tokens-by-mix.csv"), "utf8")
    .trim()
    .split("\n");
  assert.equal(
    byMix[0],
    "mix,records,p50,p90,p99,max,mean,total_tokens,text_tokens,template_tokens,visual_tokens",
  );
  // The count rows and the records they came from give the same line.
  assert.equal(byMix[1].replace(/^report-counts/, "X"), byMix[2].replace(/^report-mix/, "X"));
  const bySource = readFileSync(join(out, "tables", "tokens-by-source.csv"), "utf8");
  assert.match(bySource, /report-mix,tempqa-order-8x,1,/);
  for (const f of ["tokens-histogram-by-mix", "tokens-share-by-source"]) {
    assert.ok(readFileSync(join(out, "figures", `${f}.png`)).length > 1000, `${f}.png`);
  }
});
