/**
 * The record formats that flow between stages (sources → synthesis → mixing → tokens).
 * They describe the real files: LLaVA / Open-LLaVA-NeXT JSON, the Video-T3-QA pairs and
 * the textual validation JSONL of tobiaslee/text_temporal.
 */

/** One turn of a LLaVA conversation. */
export interface ConversationTurn {
  from: "human" | "gpt" | (string & {});
  value: string;
}

/**
 * A LLaVA-format training record: `{id, image?, conversations}`; `<image>` appears in the
 * first human turn when there is an image. Other keys may appear and must survive.
 */
export interface LlavaRecord {
  id: string | number;
  image?: string | string[];
  conversations: ConversationTurn[];
  [key: string]: unknown;
}

/** A Video-T3-QA training item as released: `[human, gpt]` with no id and no image. */
export type T3Pair = [ConversationTurn & { from: "human" }, ConversationTurn & { from: "gpt" }];

/** A textual validation / probing row (e.g. `order_val.jsonl`). */
export interface T3ValidationRow {
  question: string;
  /** "(C) full option text". */
  answer: string;
  qid: string;
}
