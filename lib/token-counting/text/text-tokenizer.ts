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
  /** The summed count of each group of texts (each text tokenized on its own). */
  countGroups(groups: readonly (readonly string[])[]): Promise<number[]>;
  /** Token ids of one text (the words tokenizer gives word indices). */
  encode(text: string): Promise<number[]>;
}

/** The tokenizers `t3kit tokens` knows. */
export const tokenizerNames = ["qwen2", "cl100k", "o200k", "words"] as const;
export type TokenizerName = (typeof tokenizerNames)[number];

/**
 * Which Qwen2 implementation: `cached` (default: the Rust binding behind a pre-token count
 * cache, fastest here), `rust` (the Rust binding on every text) or `js` (pure JS).
 */
export type Qwen2Implementation = "cached" | "rust" | "js";

/** countGroups through countBatch: every text separately, then sums per group. */
export async function countGroupsByText(
  tokenizer: Pick<TextTokenizer, "countBatch">,
  groups: readonly (readonly string[])[],
): Promise<number[]> {
  const counts = await tokenizer.countBatch(groups.flat());
  let k = 0;
  return groups.map((g) => {
    let n = 0;
    for (let i = 0; i < g.length; i++) n += counts[k++];
    return n;
  });
}

/**
 * countGroups for Qwen2: each group's texts joined by "<|endoftext|>", one string per
 * group. An added special token splits the input before normalization and
 * pre-tokenization and is always exactly one token, so the join's count minus the
 * separators equals the sum of the texts tokenized alone — with a third to a seventh of
 * the per-string overhead (test/tokens/count-record-tokens.test.ts checks the equality).
 */
export async function countGroupsBySeparator(
  tokenizer: Pick<TextTokenizer, "countBatch">,
  groups: readonly (readonly string[])[],
): Promise<number[]> {
  const joined = groups.map((g) => g.join(QWEN2_SEPARATOR));
  const counts = await tokenizer.countBatch(joined);
  return counts.map((n, i) => (groups[i].length === 0 ? 0 : n - (groups[i].length - 1)));
}

const QWEN2_SEPARATOR = "<|endoftext|>";
