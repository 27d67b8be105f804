import { UserFacingError } from "../errors/index";

/** The chat-completions URL for a base endpoint: servers are documented with either form. */
export function chatCompletionsUrl(endpoint: string): string {
  const trimmed = endpoint.trim().replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new UserFacingError(
      `model server endpoint "${endpoint}" is not a URL (e.g. http://127.0.0.1:8000/v1)`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new UserFacingError(`model server endpoint "${endpoint}" must be http:// or https://`);
  return trimmed.endsWith("/chat/completions") ? trimmed : `${trimmed}/chat/completions`;
}
