/**
 * Record counts under each template. The template layouts are rebuilt here, from the
 * frameworks' documented behaviour, as whole strings (LLaMA-Factory tokenizes each
 * element as one string; LongVA tokenizes each piece alone); the library's piece-wise
 * sums must equal the tokens of those strings.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { countRecordTokens } from "../../lib/token-counting/count-record-tokens";
import { loadQwen2RustTokenizer } from "../../lib/token-counting/text/qwen2-rust-tokenizer";
import { variedStrings } from "./varied-strings";

const qwen2 = loadQwen2RustTokenizer();
const len = async (s: string) => (await qwen2.encode(s)).length;
const pair = (human: string, gpt: string) => ({
  id: "r",
  conversations: [
    { from: "human", value: human },
    { from: "gpt", value: gpt },
  ],
});

test("hand-counted: a text pair under each template", async () => {
  const r = pair("Hello", "Hi!");
  // Hello | Hi ! ; system block 11, user element 8, assistant element 2.
  assert.deepEqual(await countRecordTokens(r, { template: "qwen2vl" }), {
    text: 3,
    template: 21,
    visual: 0,
    total: 24,
  });
  // LongVA: system 11, and per turn <|im_start|> role \n … <|im_end|> \n = 5.
  assert.deepEqual(await countRecordTokens(r, { template: "longva" }), {
    text: 3,
    template: 21,
    visual: 0,
    total: 24,
  });
  assert.deepEqual(await countRecordTokens(r, { template: "none" }), {
    text: 3,
    template: 0,
    visual: 0,
    total: 3,
  });
});

test("LongVA: a lone trailing <image> moves to the front, with one extra newline token", async () => {
  const r = { ...pair("What is this?\n<image>", "A bus."), image: "a.jpg" };
  const c = await countRecordTokens(r, { template: "longva" });
  // Text after the move is "\nWhat is this?" (\n What ␣is ␣this ?) plus "A bus." (A ␣bus .).
  assert.equal(c.text, 5 + 3);
  assert.equal(c.template, 11 + 6 + 5);
  assert.equal(c.visual, 576); // default 640x480 → 2x2 tiles · 144
});

test("qwen2vl totals equal LLaMA-Factory's element strings tokenized whole", async () => {
  const values = variedStrings(400, 99);
  for (let i = 0; i + 1 < values.length; i += 2) {
    const tagged = /<image>|<video>/;
    if (tagged.test(values[i]) || tagged.test(values[i + 1])) continue;
    const human = i % 4 === 0 ? `<image>${values[i]}` : values[i];
    const gpt = values[i + 1];
    const record = i % 4 === 0 ? { ...pair(human, gpt), image: "x.png" } : pair(human, gpt);
    const c = await countRecordTokens(record, { template: "qwen2vl" });
    const vision = "<|vision_start|><|image_pad|><|vision_end|>";
    const elements = [
      "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n",
      `<|im_start|>user\n${human.replace("<image>", vision)}<|im_end|>\n<|im_start|>assistant\n`,
      `${gpt}<|im_end|>\n`,
    ];
    let expected = 0;
    for (const e of elements) expected += await len(e);
    if (i % 4 === 0) expected += c.visual - 3; // the real span is N pads + start/end
    assert.equal(c.total, expected, JSON.stringify([human, gpt]));
  }
});

test("longva totals equal preprocess_qwen's pieces tokenized one by one", async () => {
  const values = variedStrings(400, 7).filter((v) => !v.includes("<image>"));
  for (let i = 0; i + 1 < values.length; i += 2) {
    const c = await countRecordTokens(pair(values[i], values[i + 1]), { template: "longva" });
    const pieces = [
      "<|im_start|>",
      "system",
      "\n",
      "You are a helpful assistant.",
      "<|im_end|>",
      "\n",
      "<|im_start|>user",
      "\n",
      values[i],
      "<|im_end|>",
      "\n",
      "<|im_start|>assistant",
      "\n",
      values[i + 1],
      "<|im_end|>",
      "\n",
    ];
    let expected = 0;
    for (const p of pieces) expected += await len(p);
    assert.equal(c.total, expected);
  }
});

test("cl100k, o200k and words count the same record differently", async () => {
  const r = pair(
    "Arrange the following items in correct order: person, street, room.",
    "(B) person, room, street",
  );
  const words = await countRecordTokens(r, { template: "none", tokenizer: "words" });
  assert.equal(words.text, 10 + 4);
  const cl = await countRecordTokens(r, { template: "none", tokenizer: "cl100k" });
  const o2 = await countRecordTokens(r, { template: "none", tokenizer: "o200k" });
  assert.ok(cl.text > words.text && o2.text > words.text);
});

test("a Video-T3 pair has its index as id; a validation row its qid", async () => {
  const { countConversations } = await import("../../lib/token-counting/count-record-tokens");
  const { readConversation } = await import("../../lib/token-counting/template/read-conversation");
  const t3 = readConversation(
    [
      { from: "human", value: "Q" },
      { from: "gpt", value: "A" },
    ],
    "f.json",
    7,
  );
  const row = readConversation(
    { question: "Q", answer: "(A) a", qid: "order_val-0" },
    "v.jsonl",
    0,
  );
  const [a, b] = await countConversations([t3, row], { template: "none" });
  assert.equal(a.id, 7);
  assert.equal(b.id, "order_val-0");
  assert.equal(b.source, "order_val");
});

test("videos: frames · 144 for LongVA; Qwen2-VL from frames, or from seconds at 2 fps", async () => {
  const r = {
    id: "v",
    videos: ["clip.mp4"],
    conversations: [
      { from: "human", value: "<video>\nWhat happens first?" },
      { from: "gpt", value: "A dog runs." },
    ],
  };
  assert.equal((await countRecordTokens(r, { template: "longva" })).visual, 8 * 144);
  // 640x360 frames → 644x364 → 23·13 per 2 frames, plus <|vision_start|> and <|vision_end|>.
  assert.equal((await countRecordTokens(r, { template: "qwen2vl" })).visual, 4 * 299 + 2);
  const tenSeconds = await countRecordTokens(r, {
    template: "qwen2vl",
    visual: { videoSeconds: 10 },
  });
  assert.equal(tenSeconds.visual, 10 * 299 + 2);
});
