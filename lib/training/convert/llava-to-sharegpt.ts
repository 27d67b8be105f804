/**
 * One LLaVA record → one LLaMA-Factory sharegpt row `{conversations, images, videos}`.
 * Both media columns are on every row: LLaMA-Factory (v0.9.1 `data/aligner.py`
 * `_convert_images`) turns a missing value (None) into `[None]`, one image too many, while
 * an empty list means none. The number of `<image>` / `<video>` tags must equal the list
 * lengths (`data/mm_plugin.py` raises otherwise). A video record that marks its video
 * with `<image>` (LLaVA-Video-178K) gets `<video>` in human turns and no tag in gpt turns,
 * as the released `prepare_video_sft.py` does.
 */
import { InputError } from "../../errors/index";
import { isJsonObject } from "../../json/index";
import type { ConversationTurn } from "../../records/index";
import { type MediaKind, countTag, mediaPaths, placeMedia } from "./llava-media";
import { llavaTurns } from "./llava-turns";

export interface SharegptRow {
  conversations: ConversationTurn[];
  images: string[];
  videos: string[];
}

export interface MediaFolders {
  imageFolder?: string;
  videoFolder?: string;
}

/** The turns and media of a record, tags checked; shared by both converters. */
export function checkedConversation(
  record: unknown,
  where: { file: string; record: number },
  folders: MediaFolders,
): SharegptRow {
  // A Video-T3-QA training item is a bare [human, gpt] pair: its conversation, no media.
  const r = Array.isArray(record) ? { conversations: record } : record;
  if (!isJsonObject(r))
    throw new InputError(where, "expected a record object or a [human, gpt] pair");
  let turns = llavaTurns(r, where);
  const images = mediaPaths(r, "image", where).map((p) => placeMedia(p, folders.imageFolder));
  const videos = mediaPaths(r, "video", where).map((p) => placeMedia(p, folders.videoFolder));
  if (videos.length > 0 && images.length === 0 && tagsIn(turns, "<video>") === 0)
    turns = imageTagsToVideo(turns);
  checkTags(turns, "image", images.length, where);
  checkTags(turns, "video", videos.length, where);
  return { conversations: turns, images, videos };
}

export function toSharegptRow(
  record: unknown,
  where: { file: string; record: number },
  folders: MediaFolders = {},
): SharegptRow {
  return checkedConversation(record, where, folders);
}

function tagsIn(turns: ConversationTurn[], tag: string): number {
  return turns.reduce((n, t) => n + countTag(t.value, tag), 0);
}

function checkTags(
  turns: ConversationTurn[],
  kind: MediaKind,
  count: number,
  where: { file: string; record: number },
): void {
  const tag = `<${kind}>`;
  const n = tagsIn(turns, tag);
  if (n !== count)
    throw new InputError(
      { ...where, field: "conversations" },
      `${n} ${tag} tag(s) for ${count} ${kind}(s): LLaMA-Factory and ms-swift need one tag per ${kind}`,
    );
}

/** `<image>` → `<video>` in human turns, tags dropped from gpt turns (released prepare_video_sft.py). */
function imageTagsToVideo(turns: ConversationTurn[]): ConversationTurn[] {
  return turns.map((t) =>
    t.from === "human"
      ? { ...t, value: t.value.split("<image>").join("<video>") }
      : { ...t, value: t.value.split("<image>").join("").split("<video>").join("") },
  );
}
