/** Loads a tokenizer by the name users type, with a clear error for an unknown name. */
import { loadQwen2JsTokenizer } from "./qwen2-js-tokenizer";
import { withQwen2PretokenCache } from "./qwen2-pretoken-cache";
import { loadQwen2RustTokenizer } from "./qwen2-rust-tokenizer";
import { qwen2AddedTokens } from "./qwen2-tokenizer-json";
import {
  type Qwen2Implementation,
  type TextTokenizer,
  type TokenizerName,
  tokenizerNames,
} from "./text-tokenizer";
import { loadTiktokenTokenizer } from "./tiktoken-tokenizer";
import { loadWordTokenizer } from "./word-tokenizer";

/** A tokenizer name that is not one of {@link tokenizerNames}. */
export class UnknownTokenizerError extends Error {
  constructor(readonly tokenizer: string) {
    super(`unknown tokenizer "${tokenizer}"; choose one of ${tokenizerNames.join(", ")}`);
    this.name = "UnknownTokenizerError";
  }
}

/** Checks a tokenizer name; throws {@link UnknownTokenizerError} naming the valid ones. */
export function parseTokenizerName(name: string): TokenizerName {
  if ((tokenizerNames as readonly string[]).includes(name)) return name as TokenizerName;
  throw new UnknownTokenizerError(name);
}

/**
 * The tokenizer `name`; for qwen2, `qwen2Implementation` picks the cached Rust binding
 * (default), the plain Rust binding or the pure-JS one. Loaded once per process and reused.
 */
export function loadTokenizer(
  name: string,
  qwen2Implementation: Qwen2Implementation = "cached",
): TextTokenizer {
  const key = `${name}/${qwen2Implementation}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const checked = parseTokenizerName(name);
  const tokenizer =
    checked === "qwen2"
      ? qwen2Implementation === "js"
        ? loadQwen2JsTokenizer()
        : qwen2Implementation === "rust"
          ? loadQwen2RustTokenizer()
          : withQwen2PretokenCache(loadQwen2RustTokenizer(), qwen2AddedTokens())
      : checked === "words"
        ? loadWordTokenizer()
        : loadTiktokenTokenizer(checked);
  loaded.set(key, tokenizer);
  return tokenizer;
}

const loaded = new Map<string, TextTokenizer>();
