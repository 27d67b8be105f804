/**
 * Qwen2 through `tokenizers@0.23.2`, Hugging Face's Rust tokenizer with its prebuilt
 * linux-x64 Node binding: the same code Python's `transformers` fast tokenizer runs.
 * `encodeBatch` tokenizes a batch in parallel inside Rust (rayon) off the JS thread, so
 * the caller can read the next batch meanwhile. The default Qwen2 implementation (the
 * faster one here; `npm run bench:tokens` prints both).
 */
import type * as RustTokenizers from "tokenizers";

// Loaded with the first tokenizer: importing the counting floor costs nothing.
import { qwen2TokenizerJson } from "./qwen2-tokenizer-json";
import { type TextTokenizer, countGroupsBySeparator } from "./text-tokenizer";

const encodeOptions = { addSpecialTokens: false };

/** Loads the Rust Qwen2 tokenizer (~0.4 s). */
export function loadQwen2RustTokenizer(): TextTokenizer {
  const tokenizer = (require("tokenizers") as typeof RustTokenizers).Tokenizer.fromString(
    JSON.stringify(qwen2TokenizerJson()),
  );
  const self: TextTokenizer = {
    name: "qwen2",
    implementation: "tokenizers@0.23.2 (Rust binding)",
    async countBatch(texts) {
      if (texts.length === 0) return [];
      const encodings = await tokenizer.encodeBatch(texts as string[], encodeOptions);
      return encodings.map((e) => e.getLength());
    },
    countGroups: (groups) => countGroupsBySeparator(self, groups),
    async encode(text) {
      const encoding = await tokenizer.encode(text, null, encodeOptions);
      return encoding.getIds();
    },
  };
  return self;
}
