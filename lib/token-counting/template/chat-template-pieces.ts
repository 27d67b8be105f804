/**
 * What training tokenizes for one conversation under a chat template: the text pieces (a
 * turn's words), the template pieces (role markers, separators, system prompt) and the
 * media (one visual slot per <image>/<video> tag). Each piece is tokenized on its own,
 * exactly as the framework tokenizes it, so the sums are the framework's sequence length.
 *
 * - `longva`: LongVA's `preprocess_qwen` (EvolvingLMMs-Lab/LongVA
 *   `longva/longva/train/train.py`, prompt version `qwen_1_5`, system message "You are a
 *   helpful assistant."): [<|im_start|>] "system" "\n" system [<|im_end|>] "\n"; per turn
 *   tok("<|im_start|>user"|"<|im_start|>assistant") "\n" value [<|im_end|>] "\n"; a turn with
 *   images gets its image slots then one extra "\n" before its text. A conversation that
 *   starts with a gpt turn loses that turn (`source = source[1:]`). When the record has an
 *   image, `preprocess_multimodal` first moves a lone <image> not at the start to the front
 *   ("<image>\n" + rest.strip()).
 * - `qwen2vl`: the Qwen2-VL chat layout as LLaMA-Factory's `qwen2_vl` template encodes it
 *   (the T3 7B run; `src/llamafactory/data/template.py`): a system element
 *   "<|im_start|>system\n{system}<|im_end|>\n" (default "You are a helpful assistant."),
 *   user elements "<|im_start|>user\n{content}<|im_end|>\n<|im_start|>assistant\n" and
 *   assistant elements "{content}<|im_end|>\n", each tokenized as one string, tags replaced
 *   by <|vision_start|>…<|vision_end|> (counted as visual). This equals Qwen2-VL's own
 *   chat_template.json. ms-swift's `qwen2-vl` template (the 72B run) ends the last turn
 *   without the final "\n": one token fewer per record.
 * - `none`: the values alone, media tags removed; no template.
 */
import { InputError } from "../../errors/index";
import type { Conversation } from "./read-conversation";

export const templateNames = ["longva", "qwen2vl", "none"] as const;
export type TemplateName = (typeof templateNames)[number];

/** The system prompt both templates use by default. */
export const defaultSystemPrompt = "You are a helpful assistant.";

/** One <image> or <video> slot, in order of appearance. */
export interface MediaSlot {
  kind: "image" | "video";
  /** Path from the record, or undefined when the record names fewer files than tags. */
  path: string | undefined;
}

export interface ChatTemplatePieces {
  text: string[];
  template: string[];
  media: MediaSlot[];
}

const MEDIA_TAG = /<image>|<video>/g;

// Python's str.strip() whitespace (str.isspace), which differs from JavaScript's \s.
const PY_SPACE =
  "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");

/** Python's `s.strip()`. */
export function pythonStrip(s: string): string {
  return s.replace(PY_STRIP, "");
}

function countTags(value: string, tag: string): number {
  let n = 0;
  for (let i = value.indexOf(tag); i !== -1; i = value.indexOf(tag, i + tag.length)) n++;
  return n;
}

/** Assigns the record's files to its tags, in order; errors name the media field. */
function mediaSlots(
  conv: Conversation,
  kinds: ("image" | "video")[],
  file: string,
  index: number,
): MediaSlot[] {
  const images = kinds.filter((k) => k === "image").length;
  const videos = kinds.length - images;
  // LLaVA video records (`video` key) tag their video with <image>.
  const videoAsImage = conv.videos.length > 0 && conv.images.length === 0 && videos === 0;
  const want = videoAsImage ? { image: 0, video: images } : { image: images, video: videos };
  if (want.image !== conv.images.length || want.video !== conv.videos.length) {
    throw new InputError(
      { file, record: index, field: conv.mediaField },
      `${images} <image> and ${videos} <video> tags but ${conv.images.length} image and ${conv.videos.length} video paths`,
    );
  }
  let i = 0;
  let v = 0;
  return kinds.map((kind) =>
    videoAsImage || kind === "video"
      ? { kind: "video" as const, path: conv.videos[v++] }
      : { kind: "image" as const, path: conv.images[i++] },
  );
}

function tagsIn(value: string): ("image" | "video")[] {
  const out: ("image" | "video")[] = [];
  for (const m of value.matchAll(MEDIA_TAG)) out.push(m[0] === "<image>" ? "image" : "video");
  return out;
}

function planLongva(conv: Conversation, file: string, index: number): ChatTemplatePieces {
  const template = [
    "<|im_start|>",
    "system",
    "\n",
    conv.system ?? defaultSystemPrompt,
    "<|im_end|>",
    "\n",
  ];
  const text: string[] = [];
  const kinds: ("image" | "video")[] = [];
  const hasMedia = conv.images.length > 0 || conv.videos.length > 0;
  const turns = conv.turns[0]?.role === "assistant" ? conv.turns.slice(1) : conv.turns;
  for (const turn of turns) {
    template.push(turn.role === "user" ? "<|im_start|>user" : "<|im_start|>assistant", "\n");
    // LongVA tags a video with <image>; sharegpt data (LLaMA-Factory) writes <video>.
    let value = conv.videos.length > 0 ? turn.value.split("<video>").join("<image>") : turn.value;
    if (hasMedia && value.includes("<image>")) {
      value = value.split("QA_GT_caption_based_noisy").join("");
      const n = countTags(value, "<image>");
      if (n === 1 && !value.startsWith("<image>")) {
        value = pythonStrip(`<image>\n${pythonStrip(value.replace("<image>", ""))}`);
      }
      for (let k = 0; k < n; k++) kinds.push("image");
      template.push("\n");
      // LongVA slices the tags off the front, assuming they are all there.
      text.push(value.slice("<image>".length * n));
    } else {
      text.push(value);
    }
    template.push("<|im_end|>", "\n");
  }
  return { text, template, media: hasMedia ? mediaSlots(conv, kinds, file, index) : [] };
}

// A chunk that starts with whitespace holding a newline merges with the "\n" before it.
const LEADING_NEWLINE = /^[^\S\r\n]*[\r\n]/;

function planQwen2vl(conv: Conversation, file: string, index: number): ChatTemplatePieces {
  const template = [`<|im_start|>system\n${conv.system ?? defaultSystemPrompt}<|im_end|>\n`];
  const text: string[] = [];
  const kinds: ("image" | "video")[] = [];
  for (const turn of conv.turns) {
    const chunks = turn.value.split(MEDIA_TAG);
    kinds.push(...tagsIn(turn.value));
    if (turn.role === "user") {
      if (LEADING_NEWLINE.test(chunks[0])) {
        template.push("<|im_start|>user");
        chunks[0] = `\n${chunks[0]}`;
      } else {
        template.push("<|im_start|>user\n");
      }
      template.push("<|im_end|>\n<|im_start|>assistant\n");
    } else {
      template.push("<|im_end|>\n");
    }
    for (const c of chunks) if (c !== "") text.push(c);
  }
  return { text, template, media: mediaSlots(conv, kinds, file, index) };
}

function planNone(conv: Conversation, file: string, index: number): ChatTemplatePieces {
  const text: string[] = [];
  const kinds: ("image" | "video")[] = [];
  for (const turn of conv.turns) {
    kinds.push(...tagsIn(turn.value));
    for (const c of turn.value.split(MEDIA_TAG)) if (c !== "") text.push(c);
  }
  return { text, template: [], media: mediaSlots(conv, kinds, file, index) };
}

/** The pieces training tokenizes for `conv` under `template`. */
export function chatTemplatePieces(
  conv: Conversation,
  template: TemplateName,
  file: string,
  index: number,
): ChatTemplatePieces {
  if (template === "longva") return planLongva(conv, file, index);
  if (template === "qwen2vl") return planQwen2vl(conv, file, index);
  return planNone(conv, file, index);
}
