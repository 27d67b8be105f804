/**
 * Attribute contrasts from any OpenAI-compatible chat endpoint (vLLM, Ollama, OpenAI):
 * for a caption the lexicon does not cover, the model writes the same caption with one
 * attribute changed, a question about the change and a third value as a distractor.
 * Replies are cached on disk by a hash of the request, so a rerun makes no calls and
 * gives the same bytes; failed calls (network errors, 429, 5xx) are retried with
 * exponential backoff. A reply that is not a one-span edit is rejected, not repaired.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
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
  const url = options.endpoint.replace(/\/+$/, "").endsWith("/chat/completions")
    ? options.endpoint
    : `${options.endpoint.replace(/\/+$/, "")}/chat/completions`;
  const writer: ContrastWriter = async (caption) => {
    const body = {
      model: options.model,
      temperature: 0,
      messages: [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: contrastPrompt(caption) },
      ],
    };
    const content = await cachedCompletion(url, body, options, stats);
    const contrast = parseContrastReply(caption, content);
    if (contrast) {
      rejectedInARow = 0;
      return contrast;
    }
    stats.rejected++;
    rejectedInARow++;
    if (rejectedInARow >= (options.maxRejectedInARow ?? 50)) {
      throw new Error(
        `${url}: ${rejectedInARow} replies in a row were not one-span caption edits; last reply: ${content.slice(0, 300)}`,
      );
    }
    return undefined;
  };
  return { writer, stats };
}

async function cachedCompletion(
  url: string,
  body: object,
  options: LlmContrastOptions,
  stats: LlmContrastStats,
): Promise<string> {
  const key = createHash("sha256").update(JSON.stringify({ url, body })).digest("hex");
  const file = join(options.cacheDir, `${key}.json`);
  try {
    const cached = JSON.parse(await readFile(file, "utf8")) as { content: string };
    stats.cacheHits++;
    return cached.content;
  } catch {
    // Not cached yet.
  }
  const content = await completionWithRetries(url, body, options, stats);
  await mkdir(options.cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ url, body, content }));
  await rename(tmp, file);
  return content;
}

async function completionWithRetries(
  url: string,
  body: object,
  options: LlmContrastOptions,
  stats: LlmContrastStats,
): Promise<string> {
  const retries = options.retries ?? 4;
  let delay = options.backoffMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    stats.requests++;
    let problem: string;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
      if (res.ok) {
        const json = (await res.json()) as { choices?: { message?: { content?: unknown } }[] };
        const content = json.choices?.[0]?.message?.content;
        if (typeof content !== "string")
          throw new Error(`${url}: reply has no choices[0].message.content`);
        return content;
      }
      problem = `HTTP ${res.status}`;
      // Client errors other than rate limiting will not get better by retrying.
      if (res.status < 500 && res.status !== 429)
        throw new Error(`${url}: ${problem}: ${await res.text()}`);
    } catch (err) {
      if ((err as Error).message.startsWith(url)) throw err;
      const code = (err as { cause?: { code?: string } }).cause?.code;
      problem = code ? `${(err as Error).message}: ${code}` : (err as Error).message;
    }
    if (attempt >= retries)
      throw new Error(`${url}: gave up after ${attempt + 1} tries (${problem})`);
    stats.retries++;
    await new Promise((r) => setTimeout(r, delay));
    delay *= 2;
  }
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
