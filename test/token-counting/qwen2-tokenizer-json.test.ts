import assert from "node:assert/strict";
import { test } from "node:test";
import { qwen2TokenizerJson } from "../../lib/token-counting/text/qwen2-tokenizer-json";

test("the shipped tokenizer.json is Qwen2's byte-level BPE with Qwen2-VL's added tokens", () => {
  const json = qwen2TokenizerJson() as {
    model: { type: string; vocab: Record<string, number>; merges: unknown[] };
    normalizer: { type: string };
    added_tokens: { id: number; content: string }[];
  };
  assert.equal(json.model.type, "BPE");
  // Qwen2's vocab.json has 151,643 entries and merges.txt 151,387 merges.
  assert.equal(Object.keys(json.model.vocab).length, 151643);
  assert.equal(json.model.merges.length, 151387);
  assert.equal(json.normalizer.type, "NFC");
  const added = json.added_tokens.map((t) => t.id);
  assert.deepEqual(
    added,
    Array.from({ length: 14 }, (_, i) => 151643 + i),
  );
  assert.equal(json.added_tokens[13].content, "<|video_pad|>");
});
