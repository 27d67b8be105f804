import { type TemplateName, chatTemplatePieces } from "./template/chat-template-pieces";
/**
 * Token counts of records: text (the turns' words), template (what the chat template
 * adds around them), visual (what each <image>/<video> costs) and their total, the
 * sequence length training sees. Template pieces repeat across records, so their counts
 * are cached per tokenizer; text pieces of a whole batch go to the tokenizer at once.
 */
import type { Conversation } from "./template/read-conversation";
import { readConversation } from "./template/read-conversation";
import { loadTokenizer } from "./text/load-tokenizer";
import type { Qwen2Implementation, TextTokenizer } from "./text/text-tokenizer";
import { countVisualTokens } from "./visual/count-visual-tokens";
import { probeUnknownVideos } from "./visual/probe-video-files";
import { type VisualSettings, defaultVisualSettings } from "./visual/visual-settings";

/** The four counts of one record. */
export interface RecordTokenCounts {
  text: number;
  template: number;
  visual: number;
  total: number;
}

/** One line of `t3kit tokens count` output. */
export interface TokenCountRow {
  id: string | number;
  source: string;
  text_tokens: number;
  template_tokens: number;
  visual_tokens: number;
  total_tokens: number;
  /** Images counted with the default size because their file was missing (when > 0). */
  missing_images?: number;
  /** Videos counted with the default size and frames because their file was missing. */
  missing_videos?: number;
}

/** What to count with. Everything but the tokenizer has a default. */
export interface CountOptions {
  /** A loaded tokenizer or its name (qwen2, cl100k, o200k, words). Default qwen2. */
  tokenizer?: TextTokenizer | string;
  /** Which Qwen2 implementation when `tokenizer` is a name (default rust). */
  qwen2Implementation?: Qwen2Implementation;
  /** Chat template (default longva, the paper's LongVA run). */
  template?: TemplateName;
  /** Visual settings; `vision` defaults to the template's model. */
  visual?: Partial<VisualSettings>;
  /** File name for error messages (default "<record>"). */
  file?: string;
  /** Index of the first record, for error messages and ids (default 0). */
  startIndex?: number;
}

const templateCounts = new WeakMap<TextTokenizer, Map<string, number>>();

/** Resolves a tokenizer option to a loaded tokenizer. */
export function resolveTokenizer(options: CountOptions): TextTokenizer {
  const t = options.tokenizer ?? "qwen2";
  return typeof t === "string" ? loadTokenizer(t, options.qwen2Implementation) : t;
}

/** The effective visual settings for `options`. */
export function resolveVisualSettings(options: CountOptions): VisualSettings {
  const template = options.template ?? "longva";
  return { ...defaultVisualSettings, vision: template, ...options.visual };
}

async function templateTokens(tokenizer: TextTokenizer, pieces: string[]): Promise<number[]> {
  let cache = templateCounts.get(tokenizer);
  if (!cache) {
    cache = new Map();
    templateCounts.set(tokenizer, cache);
  }
  const missing = [...new Set(pieces.filter((p) => !cache.has(p)))];
  if (missing.length > 0) {
    const counts = await tokenizer.countBatch(missing);
    missing.forEach((p, i) => cache.set(p, counts[i]));
  }
  return pieces.map((p) => cache.get(p)!);
}

/**
 * Counts a batch of conversations (records already read with readConversation); one
 * tokenizer call for all their text. Rows come back in input order.
 */
export async function countConversations(
  conversations: readonly Conversation[],
  options: CountOptions = {},
): Promise<TokenCountRow[]> {
  const tokenizer = resolveTokenizer(options);
  const template = options.template ?? "longva";
  const visual = resolveVisualSettings(options);
  const file = options.file ?? "<record>";
  const start = options.startIndex ?? 0;
  const plans = conversations.map((c, i) => chatTemplatePieces(c, template, file, start + i));
  // Counting is synchronous: videos the pre-pass did not probe are probed now.
  await probeUnknownVideos(conversations, visual, file, start);
  const allTemplate = plans.flatMap((p) => p.template);
  const [textCounts, templCounts] = await Promise.all([
    tokenizer.countGroups(plans.map((p) => p.text)),
    templateTokens(tokenizer, allTemplate),
  ]);
  let pi = 0;
  return plans.map((plan, i) => {
    const conv = conversations[i];
    const text = textCounts[i];
    let templ = 0;
    for (let k = 0; k < plan.template.length; k++) templ += templCounts[pi++];
    const vis = countVisualTokens(
      plan.media,
      visual,
      file,
      start + i,
      conv.mediaField,
      conv.videoField,
    );
    const row: TokenCountRow = {
      id: conv.id,
      source: conv.source,
      text_tokens: text,
      template_tokens: templ,
      visual_tokens: vis.tokens,
      total_tokens: text + templ + vis.tokens,
    };
    if (vis.missing > 0) row.missing_images = vis.missing;
    if (vis.missingVideos > 0) row.missing_videos = vis.missingVideos;
    return row;
  });
}

/**
 * Token counts of one record (LLaVA record, Video-T3 pair or validation row):
 * `{text, template, visual, total}`. For mixing by token budget. Loads the tokenizer on
 * first use (about 0.4 s for qwen2), then reuses it.
 *
 * @example
 * await countRecordTokens({ id: "x", conversations: [
 *   { from: "human", value: "Hello" }, { from: "gpt", value: "Hi!" }] }, { template: "qwen2vl" })
 * // → { text: 3, template: 21, visual: 0, total: 24 }
 */
export async function countRecordTokens(
  record: unknown,
  options: CountOptions = {},
): Promise<RecordTokenCounts> {
  const conv = readConversation(record, options.file ?? "<record>", options.startIndex ?? 0);
  const [row] = await countConversations([conv], options);
  return {
    text: row.text_tokens,
    template: row.template_tokens,
    visual: row.visual_tokens,
    total: row.total_tokens,
  };
}
