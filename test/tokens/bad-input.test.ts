/** Bad input names the file, the record and the field. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { countRecordTokens } from "../../lib/token-counting/count-record-tokens";
import { UnknownTokenizerError, loadTokenizer } from "../../lib/token-counting/text/load-tokenizer";

const at = (file: string, record: number, field: string) => (e: unknown) => {
  assert.ok(e instanceof InputError, String(e));
  assert.deepEqual(e.location, { file, record, field });
  return true;
};

test("a turn whose value is not a string", async () => {
  const r = {
    id: 1,
    conversations: [
      { from: "human", value: "Q" },
      { from: "gpt", value: 42 },
    ],
  };
  await assert.rejects(
    countRecordTokens(r, { file: "mix.json", startIndex: 5 }),
    at("mix.json", 5, "conversations[1].value"),
  );
  await assert.rejects(
    countRecordTokens(r, { file: "mix.json", startIndex: 5 }),
    /expected a string, got a number/,
  );
});

test("a turn from an unknown speaker, and conversations that are not a list", async () => {
  const r = { id: 1, conversations: [{ from: "robot", value: "Q" }] };
  await assert.rejects(
    countRecordTokens(r, { file: "a.json" }),
    at("a.json", 0, "conversations[0].from"),
  );
  await assert.rejects(
    countRecordTokens({ id: 1, conversations: "hi" }, { file: "a.json" }),
    at("a.json", 0, "conversations"),
  );
});

test("an image path that does not exist, unless missing images are defaulted", async () => {
  const r = {
    id: 1,
    image: "nope/x.jpg",
    conversations: [
      { from: "human", value: "<image>\nQ" },
      { from: "gpt", value: "A" },
    ],
  };
  const visual = { imageFolder: "/nonexistent-t3kit" };
  await assert.rejects(countRecordTokens(r, { file: "a.json", visual }), at("a.json", 0, "image"));
  await assert.rejects(countRecordTokens(r, { file: "a.json", visual }), /does not exist/);
  const c = await countRecordTokens(r, {
    file: "a.json",
    visual: { ...visual, missingImages: "default" },
  });
  assert.equal(c.visual, 576);
});

test("more <image> tags than image paths", async () => {
  const r = {
    id: 1,
    image: "x.jpg",
    conversations: [
      { from: "human", value: "<image><image>\nQ" },
      { from: "gpt", value: "A" },
    ],
  };
  await assert.rejects(
    countRecordTokens(r, { file: "a.json", template: "qwen2vl" }),
    at("a.json", 0, "image"),
  );
});

test("an unknown tokenizer", () => {
  assert.throws(() => loadTokenizer("gpt2"), UnknownTokenizerError);
  assert.throws(() => loadTokenizer("gpt2"), /choose one of qwen2, cl100k, o200k, words/);
});
