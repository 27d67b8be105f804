/**
 * OpenAI's cl100k_base (GPT-4, GPT-3.5) and o200k_base (GPT-4o) encodings through
 * js-tiktoken, e.g. to estimate what synthesizing or judging the data with GPT-4o costs.
 * Special-token strings such as "<|endoftext|>" inside a text are counted as ordinary
 * text (tiktoken would otherwise throw), as the OpenAI API does for user content.
 */
import type * as Tiktoken from "js-tiktoken";

// Loaded with the first tokenizer: importing the counting floor costs nothing.
import { type TextTokenizer, countGroupsByText } from "./text-tokenizer";

/** Loads cl100k (~0.2 s) or o200k (~0.6 s). */
export function loadTiktokenTokenizer(name: "cl100k" | "o200k"): TextTokenizer {
  const encoding = (require("js-tiktoken") as typeof Tiktoken).getEncoding(
    name === "cl100k" ? "cl100k_base" : "o200k_base",
  );
  const ids = (text: string) => encoding.encode(text, [], []);
  const self: TextTokenizer = {
    name,
    implementation: `js-tiktoken@1.0.21 (${name}_base)`,
    async countBatch(texts) {
      return texts.map((t) => ids(t).length);
    },
    async encode(text) {
      return ids(text);
    },
    countGroups: (groups) => countGroupsByText(self, groups),
  };
  return self;
}
