export type { ConversationTurn, LlavaRecord, T3Pair, T3ValidationRow } from "./llava-record";
