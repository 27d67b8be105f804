export type { ChatAnswer, ChatContentPart, ChatMessage, ChatServerOptions } from "./chat-types";
export { CHAT_DEFAULTS, askChatServer } from "./ask-chat-server";
export { chatCompletionsUrl } from "./chat-url";
export { ChatServerError } from "./post-chat-request";
export { MalformedReply, readChatReply } from "./read-chat-reply";
