// Converted mixes checked against LLaMA-Factory v0.9.1's and ms-swift v2.6.1's loading rules,
// re-implemented in Python (loader_rules.py), on hostile records: text-only rows, several
// images, multi-turn, a LLaVA-Video record tagged <image>, CJK / emoji / quotes / `$` in
// text and in paths with spaces.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { convertMix } from "../../lib/training/index";
import { DEBIAN_PYTHON } from "../oracle/debian-python";

const RULES = join(__dirname, "loader_rules.py");

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), "t3kit convert $x '"));
  const images = join(dir, "image root");
  const videos = join(dir, "videos");
  mkdirSync(join(images, "coco 2017"), { recursive: true });
  mkdirSync(videos, { recursive: true });
  for (const f of ["coco 2017/a.jpg", "b'$.png", "图.png"]) writeFileSync(join(images, f), "x");
  writeFileSync(join(videos, "v 1_fps2.mp4"), "x");
  const records = [
    {
      id: 1,
      image: "coco 2017/a.jpg",
      conversations: [
        { from: "human", value: "<image>\nWhat is shown? 🎬" },
        { from: "gpt", value: 'A cat "quoted" and $HOME' },
        { from: "human", value: "And then?" },
        { from: "gpt", value: "It leaves." },
      ],
    },
    {
      id: "t3-0",
      conversations: [
        {
          from: "human",
          value: "Which came first? (A) 下雨 (B) snow\nAnswer with the option's letter.",
        },
        { from: "gpt", value: "(A) 下雨" },
      ],
    },
    {
      id: 3,
      image: ["b'$.png", "图.png"],
      conversations: [
        { from: "human", value: "<image> vs <image>: which is brighter?" },
        { from: "gpt", value: "The first." },
      ],
    },
    {
      id: 4,
      video: "v 1_fps2.mp4",
      conversations: [
        { from: "human", value: "<image>\nDescribe the order of events." },
        { from: "gpt", value: "<image>First a door opens, then" },
      ],
    },
    [
      { from: "human", value: "A bare Video-T3-QA pair: which came first?" },
      { from: "gpt", value: "(B) the door" },
    ],
  ];
  const data = join(dir, "mix in.json");
  writeFileSync(data, JSON.stringify(records, null, 4));
  return { dir, images, videos, data, records };
}

function rows4(file: string) {
  return JSON.parse(readFileSync(file, "utf8"))[4];
}

function rules(args: string[], cwd: string) {
  return JSON.parse(execFileSync(DEBIAN_PYTHON, [RULES, ...args], { encoding: "utf8" })) as {
    rows: number;
    problems: [number, string][];
    media: string[];
  };
}

test("LLaMA-Factory sharegpt output loads under LLaMA-Factory v0.9.1's rules", async () => {
  const f = fixture();
  const out = join(f.dir, "lf out");
  const r = await convertMix({
    to: "llamafactory",
    data: f.data,
    out,
    imageFolder: f.images,
    videoFolder: f.videos,
  });
  assert.deepEqual([r.rows, r.withImages, r.withVideos, r.textOnly, r.multiTurn], [5, 2, 1, 2, 1]);
  const check = rules(["llamafactory", out, r.datasetName, "/"], "/");
  assert.deepEqual(check.problems, []);
  assert.equal(check.rows, 5);
  assert.deepEqual(rows4(r.output), {
    conversations: [
      { from: "human", value: "A bare Video-T3-QA pair: which came first?" },
      { from: "gpt", value: "(B) the door" },
    ],
    images: [],
    videos: [],
  });
  assert.equal(check.media.length, 4);
  const rows = JSON.parse(readFileSync(r.output, "utf8"));
  assert.deepEqual(rows[1].images, []); // text-only rows carry [] (a missing column reads None → [None])
  assert.deepEqual(rows[1].videos, []);
  assert.equal(rows[3].conversations[0].value, "<video>\nDescribe the order of events.");
  assert.equal(rows[3].conversations[1].value, "First a door opens, then");
  assert.equal(rows[0].conversations[1].value, 'A cat "quoted" and $HOME');
  // The oracle catches what the kit avoids: a text-only row without the images column.
  const broken = rows.map((row: Record<string, unknown>, i: number) =>
    i === 1 ? { conversations: row.conversations } : row,
  );
  writeFileSync(r.output, JSON.stringify(broken));
  assert.deepEqual(rules(["llamafactory", out, r.datasetName, "/"], "/").problems, [
    [1, "0 <image> tags for 1 images"],
    [1, "missing file None"],
    [1, "0 <video> tags for 1 videos"],
    [1, "missing file None"],
  ]);
});

test("relative paths resolve as LLaMA-Factory resolves them (image_dir = dataset_dir)", async () => {
  const f = fixture();
  const out = f.images; // dataset_dir holding the images: relative paths resolve under it
  const r = await convertMix({
    to: "llamafactory",
    data: f.data,
    out,
    videoFolder: f.videos,
    name: "rel",
  });
  const check = rules(["llamafactory", out, "rel", "/nonexistent"], "/");
  assert.deepEqual(check.problems, []);
  assert.ok(check.media.includes(join(f.images, "coco 2017/a.jpg")));
  assert.equal(JSON.parse(readFileSync(r.output, "utf8"))[0].images[0], "coco 2017/a.jpg");
});

test("ms-swift JSONL loads under ms-swift v2.6.1's rules; history leaves the final turn out", async () => {
  const f = fixture();
  const out = join(f.dir, "swift");
  const r = await convertMix({
    to: "ms-swift",
    data: f.data,
    out,
    imageFolder: f.images,
    videoFolder: f.videos,
  });
  assert.deepEqual(rules(["ms-swift", r.output, "/"], "/").problems, []);
  const rows = readFileSync(r.output, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(rows[0].history, [["<image>\nWhat is shown? 🎬", 'A cat "quoted" and $HOME']]);
  assert.equal(rows[0].query, "And then?");
  assert.equal(rows[0].response, "It leaves.");
  assert.deepEqual(rows[1].history, []);
  assert.equal(rows[3].query, "<video>\nDescribe the order of events.");
});

test("bad records stop the conversion naming record and field; nothing is left behind", async () => {
  const f = fixture();
  const cases: [unknown, string, RegExp][] = [
    [
      {
        image: "a.jpg",
        conversations: [
          { from: "human", value: "no tag" },
          { from: "gpt", value: "x" },
        ],
      },
      "conversations",
      /0 <image> tag\(s\) for 1 image/,
    ],
    [
      {
        conversations: [
          { from: "gpt", value: "x" },
          { from: "human", value: "y" },
        ],
      },
      "conversations[0].from",
      /expected "human"/,
    ],
    [{ conversations: [{ from: "human", value: "x" }] }, "conversations", /1 turn/],
    [
      {
        conversations: [
          { from: "human", value: 3 },
          { from: "gpt", value: "y" },
        ],
      },
      "conversations[0].value",
      /string/,
    ],
    [
      {
        image: ["", "b"],
        conversations: [
          { from: "human", value: "q" },
          { from: "gpt", value: "a" },
        ],
      },
      "image[0]",
      /non-empty path/,
    ],
    [
      {
        conversations: [
          { from: "human", value: "<image> twice <image>" },
          { from: "gpt", value: "y" },
        ],
        image: "a",
      },
      "conversations",
      /2 <image>/,
    ],
  ];
  for (const [bad, field, problem] of cases) {
    const data = join(f.dir, "bad.jsonl");
    const good = {
      conversations: [
        { from: "human", value: "q" },
        { from: "gpt", value: "a" },
      ],
    };
    writeFileSync(data, `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`);
    const out = join(f.dir, "bad-out");
    await assert.rejects(
      convertMix({ to: "ms-swift", data, out }),
      (e: unknown) =>
        e instanceof InputError &&
        e.location.field === field &&
        e.location.record === 2 &&
        e.location.recordKind === "line" &&
        problem.test(e.problem),
      JSON.stringify(bad),
    );
    assert.deepEqual(existsSync(out) ? readdirSync(out) : [], []);
  }
  const before = readFileSync(f.data, "utf8");
  await assert.rejects(
    convertMix({ to: "llamafactory", data: f.data, out: f.dir, name: "mix in" }),
    (e: unknown) => e instanceof InputError && /would overwrite the input/.test(e.problem),
  );
  assert.equal(readFileSync(f.data, "utf8"), before);
});
