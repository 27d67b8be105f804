/**
 * The one interface every tokenizer of the token analysis implements: count the tokens of
 * many texts at once (so a native implementation can batch), and give ids for the oracle
 * test. Texts are tokenized as training tokenizes a turn's value: no BOS/EOS or other
 * special tokens added; special-token strings that appear in the text are handled as the
 * real tokenizer handles them (Qwen2 matches its added tokens; tiktoken treats them as text).
 */
export interface TextTokenizer {
  /** The name users type: qwen2, cl100k, o200k, words. */
  readonly name: TokenizerName;
  /** Which library does the work, e.g. "tokenizers@0.23.2 (Rust)". */
  readonly implementation: string;
  /** Token counts, one per text, in order. */
  countBatch(texts: readonly string[]): Promise<number[]>;
  /** Token ids of one text (the words tokenizer gives word indices). */
  encode(text: string): Promise<number[]>;
}

/** The tokenizers `t3kit tokens` knows. */
export const tokenizerNames = ["qwen2", "cl100k", "o200k", "words"] as const;
export type TokenizerName = (typeof tokenizerNames)[number];

/** Which Qwen2 implementation: the Rust binding (default, faster here) or the pure-JS one. */
export type Qwen2Implementation = "rust" | "js";
