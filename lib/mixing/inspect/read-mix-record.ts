/**
 * One record of a mix as inspection sees it, whatever file it came from: LLaVA records,
 * Video-T3-QA `[human, gpt]` pairs, T3 validation rows, LLaMA-Factory sharegpt
 * (`conversations` or `messages`, as token-counting reads them) and ms-swift rows
 * (`{query, response, history}`, as the kit's converter writes them). The id is the
 * record's `id` field, else `#<0-based index>` (the contract for `--json`).
 */
import { InputError } from "../../errors/index";
import type { JsonValue } from "../../json/index";
import { type Conversation, readConversation } from "../../token-counting/index";

type ChatTurn = Conversation["turns"][number];

export interface MixRecord {
  id: string;
  file: string;
  index: number;
  turns: ChatTurn[];
  images: string[];
  videos: string[];
  /** The record's own id field (string or number) when it has one. */
  ownId?: string;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function swiftString(r: Record<string, unknown>, key: string, file: string, index: number): string {
  const v = r[key];
  if (typeof v !== "string")
    throw new InputError(
      { file, record: index, field: key },
      `expected a string, got ${typeName(v)}`,
    );
  return v;
}

/** An ms-swift row `{query, response, history?: [[q, a], …], images?, videos?}` as turns. */
function swiftTurns(r: Record<string, unknown>, file: string, index: number): ChatTurn[] {
  const turns: ChatTurn[] = [];
  const history = r.history ?? [];
  if (!Array.isArray(history))
    throw new InputError(
      { file, record: index, field: "history" },
      `expected a list of [query, response] pairs, got ${typeName(history)}`,
    );
  history.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((s) => typeof s !== "string"))
      throw new InputError(
        { file, record: index, field: `history[${i}]` },
        "expected a [query, response] pair of strings",
      );
    turns.push({ role: "user", value: pair[0], field: `history[${i}][0]` });
    turns.push({ role: "assistant", value: pair[1], field: `history[${i}][1]` });
  });
  turns.push({ role: "user", value: swiftString(r, "query", file, index), field: "query" });
  turns.push({
    role: "assistant",
    value: swiftString(r, "response", file, index),
    field: "response",
  });
  return turns;
}

function pathList(value: unknown, file: string, index: number, field: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((p, i) => {
    if (typeof p !== "string")
      throw new InputError(
        { file, record: index, field: Array.isArray(value) ? `${field}[${i}]` : field },
        `expected a path string, got ${typeName(p)}`,
      );
    return p;
  });
}

/** ms-swift 3 / OpenAI `messages` may open with a system turn: not a turn training answers. */
function withoutSystemTurns(value: JsonValue): JsonValue {
  const r = value as Record<string, JsonValue>;
  if (
    value === null ||
    typeof value !== "object" ||
    Array.isArray(value) ||
    !Array.isArray(r.messages)
  )
    return value;
  const isSystem = (t: JsonValue) =>
    t !== null &&
    typeof t === "object" &&
    !Array.isArray(t) &&
    (t as Record<string, JsonValue>).role === "system";
  return r.messages.some(isSystem)
    ? { ...r, messages: r.messages.filter((t) => !isSystem(t)) }
    : value;
}

/** Reads record `index` of `file`; bad records throw an InputError naming file, record, field. */
export function readMixRecord(value: JsonValue, file: string, index: number): MixRecord {
  const r = value as Record<string, unknown>;
  const own =
    value !== null && typeof value === "object" && !Array.isArray(value) ? r.id : undefined;
  const ownId = typeof own === "string" || typeof own === "number" ? String(own) : undefined;
  const id = ownId ?? `#${index}`;
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    "query" in r &&
    !("conversations" in r) &&
    !("messages" in r)
  ) {
    return {
      id,
      file,
      index,
      turns: swiftTurns(r, file, index),
      images: pathList(r.images, file, index, "images"),
      videos: pathList(r.videos, file, index, "videos"),
      ownId,
    };
  }
  const conv = readConversation(withoutSystemTurns(value), file, index);
  const qid = typeof r?.qid === "string" && !Array.isArray(value) ? r.qid : undefined;
  return {
    id: ownId ?? qid ?? id,
    file,
    index,
    turns: conv.turns,
    images: conv.images,
    videos: conv.videos,
    ownId: ownId ?? qid,
  };
}
