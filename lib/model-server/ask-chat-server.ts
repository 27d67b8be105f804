/**
 * Asks an OpenAI-compatible chat server (vLLM, Ollama, llama.cpp server, OpenAI) one
 * question per conversation: greedy decoding (temperature 0), at most `concurrency`
 * requests in flight, retries with backoff, and a disk cache so a rerun (or a run resumed
 * after a failure) asks only what it has not got. Answers come back in request order.
 * When one conversation fails for good no new request starts and the call rejects; the
 * answers already received stay in the cache. Each retry is a note through `onProgress`
 * (what failed, when the next try is); a request that gives up is a ChatServerError.
 */
import { withHttpSettings } from "../http/index";
import type { OnProgress } from "../progress/index";
import { cacheKey, readCachedAnswer, writeCachedAnswer } from "./answer-cache";
import type { ChatAnswer, ChatMessage, ChatServerOptions } from "./chat-types";
import { chatCompletionsUrl } from "./chat-url";
import { chatRetryPolicy, postChatRequest } from "./post-chat-request";

/**
 * Retries, per-try deadline and the whole request's deadline when neither the options nor
 * T3KIT_HTTP_RETRIES / T3KIT_HTTP_TIMEOUT / T3KIT_HTTP_DEADLINE set them: a server that
 * never answers is given up after 3 minutes, with a line each minute.
 */
export const CHAT_DEFAULTS = {
  concurrency: 4,
  maxRetries: 5,
  timeoutMs: 60_000,
  deadlineMs: 180_000,
  backoffMs: 1000,
} as const;

export async function askChatServer(
  options: ChatServerOptions,
  conversations: ChatMessage[][],
  onProgress?: OnProgress,
): Promise<ChatAnswer[]> {
  const url = chatCompletionsUrl(options.endpoint);
  checkOptions(options);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const policy = withHttpSettings(
    chatRetryPolicy(
      CHAT_DEFAULTS.maxRetries,
      options.backoffMs ?? CHAT_DEFAULTS.backoffMs,
      CHAT_DEFAULTS.timeoutMs,
      CHAT_DEFAULTS.deadlineMs,
    ),
    {
      retries: options.maxRetries,
      tryTimeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
    },
  );
  const answers: ChatAnswer[] = new Array(conversations.length);
  let next = 0;
  let done = 0;
  let failed = false;

  async function askOne(index: number): Promise<ChatAnswer> {
    const body = requestBody(options, conversations[index]);
    const key = options.cacheDir ? cacheKey(body, url) : "";
    if (options.cacheDir) {
      const hit = await readCachedAnswer(options.cacheDir, key);
      if (hit) return { ...hit, cached: true, tries: 0 };
    }
    const reply = await postChatRequest(
      url,
      headers,
      JSON.stringify(body),
      policy,
      `conversation ${index} (model ${options.model})`,
      (note) => onProgress?.({ note }),
    );
    if (options.cacheDir)
      await writeCachedAnswer(options.cacheDir, key, options.model, {
        text: reply.text,
        finishReason: reply.finishReason,
      });
    return { ...reply, cached: false };
  }

  async function worker(): Promise<void> {
    while (!failed && next < conversations.length) {
      const index = next++;
      try {
        answers[index] = await askOne(index);
      } catch (err) {
        failed = true;
        throw err;
      }
      done++;
      onProgress?.({ done, total: conversations.length, unit: "answers" });
    }
  }

  const concurrency = options.concurrency ?? CHAT_DEFAULTS.concurrency;
  const workers = Array.from({ length: Math.min(concurrency, conversations.length) }, worker);
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((s) => s.status === "rejected");
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return answers;
}

/** The request body; `max_tokens` only when asked, so the server's default applies otherwise. */
function requestBody(options: ChatServerOptions, messages: ChatMessage[]): object {
  const body: Record<string, unknown> = { model: options.model, messages, temperature: 0 };
  if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
  return body;
}

function checkOptions(options: ChatServerOptions): void {
  const positive = (name: string, value: number | undefined, min: number) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min))
      throw new Error(`askChatServer: ${name} must be an integer >= ${min}, got ${value}`);
  };
  positive("concurrency", options.concurrency, 1);
  positive("maxRetries", options.maxRetries, 0);
  positive("timeoutMs", options.timeoutMs, 1);
  positive("deadlineMs", options.deadlineMs, 1);
  positive("maxTokens", options.maxTokens, 1);
  positive("backoffMs", options.backoffMs, 0);
  if (typeof options.model !== "string" || options.model.trim() === "")
    throw new Error("askChatServer: model must be a non-empty string");
}
