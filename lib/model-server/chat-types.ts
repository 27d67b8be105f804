/** The OpenAI chat-completions message shapes the kit sends (text and image parts). */
export type ChatContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string } };

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string | ChatContentPart[];
}

export interface ChatServerOptions {
  /** Base URL ("http://127.0.0.1:8000/v1") or the full …/chat/completions URL. */
  endpoint: string;
  model: string;
  /** Sent as `Authorization: Bearer …` when given. */
  apiKey?: string;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Retries after the first try of one conversation (default T3KIT_HTTP_RETRIES, else 5). */
  maxRetries?: number;
  /** One try's deadline in ms (default T3KIT_HTTP_TIMEOUT seconds, else 60 s). */
  timeoutMs?: number;
  /** One conversation's deadline in ms, tries and waits (default T3KIT_HTTP_DEADLINE, else 180 s). */
  deadlineMs?: number;
  /** `max_tokens` for each answer (default: the server's own). */
  maxTokens?: number;
  /** Folder for cached answers; no cache when absent. */
  cacheDir?: string;
  /** First backoff in ms, doubled after each failed try (default 1000). */
  backoffMs?: number;
}

export interface ChatAnswer {
  text: string;
  /** True when the answer came from the disk cache and no request was made. */
  cached: boolean;
  /** The server's `finish_reason` ("stop", "length", …) when it gave one. */
  finishReason?: string;
  /** HTTP requests this answer took: 1, more after retries, 0 from the cache. */
  tries: number;
}
