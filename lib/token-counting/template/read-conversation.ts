/**
 * One record of any input the token analysis reads, as a conversation: LLaVA records
 * (`{id, image?, video?, conversations: [{from, value}]}`, also LLaMA-Factory sharegpt with
 * `images`/`videos`/`system`), Video-T3-QA pairs (`[human, gpt]`, no id: the index is the
 * id) and textual validation rows (`{question, answer, qid}`). Bad input throws an
 * InputError naming the file, the record and the field.
 */
import { InputError } from "../../errors/index";
import { checkLlavaRecordShape } from "../../records/index";

/** Who speaks a turn, as the chat templates name it. */
export type TurnRole = "user" | "assistant";

/**
 * A record's turn as a chat template sees it: the file's `{from, value}` turn
 * (lib/records ConversationTurn) with `from` read as a role.
 */
export interface ChatTurn {
  role: TurnRole;
  value: string;
  /** Where the value sits in the record, for errors: `conversations[1].value`. */
  field: string;
}

/** The parts of a record that training turns into tokens. */
export interface Conversation {
  id: string | number;
  /** What the record came from: its source tag, else derived from its id (see sourceOf). */
  source: string;
  turns: ChatTurn[];
  /** Image paths in tag order (`image` string or list, or `images`). */
  images: string[];
  /** Video paths (`video` string or list, or `videos`). */
  videos: string[];
  /** The field the media paths came from, for errors. */
  mediaField: string;
  /** The field the video paths came from (`video` or `videos`), when there are videos. */
  videoField?: string;
  /** A system prompt given by the record (sharegpt `system`), replacing the default. */
  system?: string;
}

const ROLE: Record<string, TurnRole> = {
  human: "user",
  user: "user",
  gpt: "assistant",
  assistant: "assistant",
};

// Video-T3-QA ids are f"tempqa-{aspect}-{version}{idx}" (data_creation.py); the source is
// "tempqa-{aspect}", e.g. tempqa-order-long, tempqa-attribute-8x.
const T3_ID = /^(tempqa-.+?)-v2(?:-long)?\d+$/;

/**
 * The source of a record: an explicit `source` tag (mixes carry one), else the Video-T3
 * id prefix (`tempqa-order-long`), else the id without its trailing number
 * (`GCC_train_002582585` → `GCC_train`), else "llava" for records with an image and
 * "untagged" for the rest.
 */
export function sourceOf(record: Record<string, unknown>, id: string | number): string {
  if (typeof record.source === "string" && record.source !== "") return record.source;
  const text = String(id);
  const t3 = T3_ID.exec(text);
  if (t3) return t3[1];
  const prefix = text.replace(/[-_./]*\d+$/, "");
  if (prefix !== "" && prefix !== text && /[A-Za-z]/.test(prefix)) return prefix;
  return record.image !== undefined || record.images !== undefined ? "llava" : "untagged";
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function paths(value: unknown, file: string, index: number, field: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((p, i) => {
    if (typeof p !== "string") {
      const f = Array.isArray(value) ? `${field}[${i}]` : field;
      throw new InputError(
        { file, record: index, field: f },
        `expected a path string, got ${typeName(p)}`,
      );
    }
    return p;
  });
}

function readTurns(list: unknown[], file: string, index: number, field: string): ChatTurn[] {
  return list.map((turn, i) => {
    const at = `${field}[${i}]`;
    if (turn === null || typeof turn !== "object" || Array.isArray(turn)) {
      throw new InputError(
        { file, record: index, field: at },
        `expected a turn {from, value}, got ${typeName(turn)}`,
      );
    }
    const t = turn as Record<string, unknown>;
    const from = t.from ?? t.role;
    const role = typeof from === "string" ? ROLE[from] : undefined;
    if (role === undefined) {
      throw new InputError(
        { file, record: index, field: `${at}.from` },
        `expected "human" or "gpt", got ${typeof from === "string" ? JSON.stringify(from) : typeName(from)}`,
      );
    }
    const key = "value" in t ? "value" : "content";
    const value = t[key];
    if (typeof value !== "string") {
      throw new InputError(
        { file, record: index, field: `${at}.${key}` },
        `expected a string, got ${typeName(value)}`,
      );
    }
    return { role, value, field: `${at}.${key}` };
  });
}

/** The conversation in record number `index` (0-based) of `file`. */
export function readConversation(record: unknown, file: string, index: number): Conversation {
  if (Array.isArray(record)) {
    // A Video-T3-QA pair: [human, gpt], no id and no image.
    const turns = readTurns(record, file, index, "");
    turns.forEach((t, i) => {
      t.field = `[${i}].value`;
    });
    return { id: index, source: "tempqa", turns, images: [], videos: [], mediaField: "image" };
  }
  if (record === null || typeof record !== "object") {
    throw new InputError(
      { file, record: index },
      `expected a record object or a [human, gpt] pair, got ${typeName(record)}`,
    );
  }
  const r = record as Record<string, unknown>;
  if (typeof r.question === "string" && typeof r.answer === "string" && !("conversations" in r)) {
    const id = typeof r.qid === "string" ? r.qid : index;
    return {
      id,
      // qids are "<file stem>-<n>" (order_val-0): the stem is the source.
      source:
        typeof r.source === "string"
          ? r.source
          : typeof r.qid === "string"
            ? r.qid.replace(/-\d+$/, "")
            : "untagged",
      turns: [
        { role: "user", value: r.question, field: "question" },
        { role: "assistant", value: r.answer, field: "answer" },
      ],
      images: [],
      videos: [],
      mediaField: "image",
    };
  }
  if (!("conversations" in r) && !("messages" in r))
    throw new InputError(
      { file, record: index, field: "conversations" },
      "missing: a record needs conversations [{from, value}] (LLaVA; or LLaMA-Factory's messages)",
    );
  const convKey = "conversations" in r ? "conversations" : "messages";
  const list = r[convKey];
  if (!Array.isArray(list)) {
    throw new InputError(
      { file, record: index, field: convKey },
      `expected a list of turns, got ${typeName(list)}`,
    );
  }
  // LLaVA-format records get the one record check every stage makes (lib/records).
  if (convKey === "conversations" && list.every((t) => typeof t === "object" && t && "from" in t))
    checkLlavaRecordShape(r, { file, record: index });
  const rawId = r.id;
  const id = typeof rawId === "string" || typeof rawId === "number" ? rawId : index;
  const imageField = "image" in r ? "image" : "images";
  const videoField = "video" in r ? "video" : "videos";
  const images = paths(r[imageField], file, index, imageField);
  const videos = paths(r[videoField], file, index, videoField);
  const system = typeof r.system === "string" && r.system !== "" ? r.system : undefined;
  return {
    id,
    source: sourceOf(r, id),
    turns: readTurns(list, file, index, convKey),
    images,
    videos,
    mediaField: images.length > 0 || videos.length === 0 ? imageField : videoField,
    ...(videos.length > 0 ? { videoField } : {}),
    system,
  };
}
