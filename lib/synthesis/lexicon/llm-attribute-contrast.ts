/**
 * Attribute contrasts from any OpenAI-compatible chat endpoint (vLLM, Ollama, OpenAI):
 * for a caption the lexicon does not cover, the model writes the same caption with one
 * attribute changed, a question about the change and a third value as a distractor.
 * The kit's one model-server client (lib/model-server) asks: replies are cached on disk by
 * a hash of the request, so a rerun makes no calls and gives the same bytes; failed calls
 * (network errors, 429, 5xx) are retried with exponential backoff. A reply that is not a
 * one-span edit is rejected, not repaired.
 */
import { askChatServer } from "../../model-server/index";
import type { AttributeContrast, ContrastWriter } from "../tasks/generate-attribute-item";
import { UNCHANGED_OPTION } from "./attribute-lexicon";
import { oneSpanDifference } from "./caption-difference";

export interface LlmContrastOptions {
  /** Base URL ("http://127.0.0.1:8000/v1") or the full …/chat/completions URL. */
  endpoint: string;
  model: string;
  /** Folder for cached replies. */
  cacheDir: string;
  apiKey?: string;
  /** Retries after the first try (default 4). */
  retries?: number;
  /** First backoff in ms, doubled each retry (default 500). */
  backoffMs?: number;
  /** Per-request timeout in ms (default 60 s). */
  timeoutMs?: number;
  /** Stop after this many unusable replies in a row (default 50): a wrong model or prompt. */
  maxRejectedInARow?: number;
}

export interface LlmContrastStats {
  requests: number;
  cacheHits: number;
  retries: number;
  rejected: number;
}

const SYSTEM_PROMPT =
  "You edit one-sentence image captions for a dataset about changes over time. Reply with JSON only.";

/** The user prompt for one caption. */
export function contrastPrompt(caption: string): string {
  return [
    `Caption: ${caption}`,
    "",
    "Rewrite the caption so that exactly one visual attribute of one thing changes (for example its colour, size, lighting, fit, state or expression): replace one short phrase of at most four words and keep every other word the same.",
    'Reply with JSON: {"edited_caption": "...", "question": "How does the ... change?", "distractor": "another value of the same attribute"}',
  ].join("\n");
}

/** A contrast writer backed by the endpoint, with its running statistics. */
export function createLlmContrastWriter(options: LlmContrastOptions): {
  writer: ContrastWriter;
  stats: LlmContrastStats;
} {
  const stats: LlmContrastStats = { requests: 0, cacheHits: 0, retries: 0, rejected: 0 };
  let rejectedInARow = 0;
  const writer: ContrastWriter = async (caption) => {
    const [answer] = await askChatServer(
      {
        endpoint: options.endpoint,
        model: options.model,
        apiKey: options.apiKey,
        cacheDir: options.cacheDir,
        maxRetries: options.retries ?? 4,
        backoffMs: options.backoffMs ?? 500,
        timeoutMs: options.timeoutMs ?? 60_000,
        concurrency: 1,
      },
      [
        [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: contrastPrompt(caption) },
        ],
      ],
    );
    if (answer.cached) stats.cacheHits++;
    stats.requests += answer.tries;
    stats.retries += Math.max(0, answer.tries - 1);
    const content = answer.text;
    const contrast = parseContrastReply(caption, content);
    if (contrast) {
      rejectedInARow = 0;
      return contrast;
    }
    stats.rejected++;
    rejectedInARow++;
    if (rejectedInARow >= (options.maxRejectedInARow ?? 50)) {
      throw new Error(
        `${options.endpoint}: ${rejectedInARow} replies in a row were not one-span caption edits; last reply: ${content.slice(0, 300)}`,
      );
    }
    return undefined;
  };
  return { writer, stats };
}

/** Reads the model's reply; undefined unless it is a one-span edit with a question. */
export function parseContrastReply(
  caption: string,
  content: string,
): AttributeContrast | undefined {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end < start) return undefined;
  let reply: Record<string, unknown>;
  try {
    reply = JSON.parse(content.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const edited =
    typeof reply.edited_caption === "string"
      ? reply.edited_caption.replace(/\s+/g, " ").trim()
      : "";
  const question =
    typeof reply.question === "string" ? reply.question.replace(/\s+/g, " ").trim() : "";
  if (!question.endsWith("?") || question.length > 200 || /\([A-Z]\)/.test(question))
    return undefined;
  const diff = oneSpanDifference(caption, edited);
  if (!diff || /\bto\b/.test(diff.before) || /\bto\b/.test(diff.after)) return undefined;
  const wrong = [`from ${diff.after} to ${diff.before}`, UNCHANGED_OPTION];
  const distractor =
    typeof reply.distractor === "string" ? reply.distractor.trim().toLowerCase() : "";
  if (
    /^[a-z][a-z -]{0,30}$/.test(distractor) &&
    distractor !== diff.before &&
    distractor !== diff.after
  ) {
    wrong.push(`from ${diff.before} to ${distractor}`);
  }
  return {
    before: caption,
    after: edited,
    question,
    correct: `from ${diff.before} to ${diff.after}`,
    wrong,
  };
}
