/**
 * Reads one chat-completions reply body. A body that is not the protocol's JSON (a cut
 * connection, an HTML error page from a proxy, a server that answers garbage) is a
 * `MalformedReply`, which the caller may retry; it never becomes an answer.
 */
export class MalformedReply extends Error {}

export interface ChatReply {
  text: string;
  finishReason?: string;
}

export function readChatReply(body: string): ChatReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedReply(`reply is not JSON (${describeBody(body)})`);
  }
  const choice = (json as { choices?: unknown })?.choices;
  if (!Array.isArray(choice) || choice.length === 0)
    throw new MalformedReply(`reply has no choices (${describeBody(body)})`);
  const first = choice[0] as { message?: { content?: unknown }; finish_reason?: unknown };
  const text = contentText(first?.message?.content);
  if (text === undefined)
    throw new MalformedReply(`reply has no choices[0].message.content (${describeBody(body)})`);
  const finishReason = typeof first.finish_reason === "string" ? first.finish_reason : undefined;
  return finishReason === undefined ? { text } : { text, finishReason };
}

/** Content is a string, or (some servers) a list of text parts. */
function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const part of content) {
    const text = (part as { text?: unknown })?.text;
    if (typeof text !== "string") return undefined;
    texts.push(text);
  }
  return texts.join("");
}

/** A short, printable excerpt of a body for error messages. */
export function describeBody(body: string): string {
  if (body.length === 0) return "empty body";
  const excerpt = JSON.stringify(body.slice(0, 200));
  return body.length > 200 ? `${body.length} chars, starts ${excerpt}` : excerpt;
}
