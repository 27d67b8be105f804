import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { InputError, type InputLocation } from "../../errors/index";
/**
 * The asynchronous half of video token counting. Counting a record is synchronous (and runs
 * in worker threads), but ffprobe is a child process: so the distinct videos of an input
 * are probed first, a few at a time, into a table keyed by full path that the synchronous
 * counter reads (and that workers receive with their settings). A video the table lacks
 * (records counted without the pre-pass, e.g. countRecordTokens) is probed per batch and
 * remembered in this module's cache.
 */
import type { OnProgress } from "../../progress/index";
import type { Conversation } from "../template/read-conversation";
import {
  type VideoInfo,
  type VideoInfoTable,
  VideoProbeError,
  readVideoInfo,
} from "./read-video-info";
import type { VisualSettings } from "./visual-settings";

/** A video path of a record, resolved against the video folder, and where it was named. */
export interface VideoFileRef {
  full: string;
  where: InputLocation;
}

/** Videos probed outside a pre-pass, by full path (this thread only). */
const probedVideos = new Map<string, VideoInfo | null>();

/** `path` under `folder` unless absolute (LLaVA-NeXT's `os.path.join(video_folder, …)`). */
export function videoFilePath(path: string, folder: string | undefined): string {
  return isAbsolute(path) || folder === undefined ? path : join(folder, path);
}

/** What is known of the video at `full`: facts, null (missing) or undefined (not probed). */
export function knownVideoInfo(
  full: string,
  settings: Pick<VisualSettings, "videoInfo">,
): VideoInfo | null | undefined {
  const info = settings.videoInfo?.[full];
  return info !== undefined ? info : probedVideos.get(full);
}

/** Whether counting under `settings` reads video files at all. */
export function readsVideoFiles(settings: VisualSettings): boolean {
  return settings.vision === "qwen2vl" && settings.videoFolder !== undefined;
}

/** The video files of a record, each with the record and field that names it. */
export function videoFilesOf(
  conv: Conversation,
  folder: string | undefined,
  file: string,
  index: number,
): VideoFileRef[] {
  const field = conv.videoField ?? "video";
  return conv.videos.map((path, k) => ({
    full: videoFilePath(path, folder),
    where: { file, record: index, field: conv.videos.length > 1 ? `${field}[${k}]` : field },
  }));
}

/**
 * Probes each distinct video of `refs` (ffprobe, `concurrency` at a time, default 4) and
 * returns the table. A missing file becomes null (the counter applies --missing-images);
 * a file ffprobe cannot read is an InputError naming the first record that names it.
 * `onProgress(done, total)` is called every 100 videos and at the end.
 */
export async function probeVideoFiles(
  refs: Iterable<VideoFileRef>,
  options: { concurrency?: number; onProgress?: OnProgress } = {},
): Promise<VideoInfoTable> {
  const first = new Map<string, InputLocation>();
  for (const r of refs) if (!first.has(r.full)) first.set(r.full, r.where);
  const todo = [...first.keys()];
  const table: VideoInfoTable = {};
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < todo.length) {
      const full = todo[next++];
      if (!existsSync(full)) {
        table[full] = null;
      } else {
        try {
          table[full] = await readVideoInfo(full);
        } catch (err) {
          if (err instanceof VideoProbeError) {
            throw new InputError(first.get(full)!, `cannot read video ${full}: ${err.message}`);
          }
          throw err;
        }
      }
      done++;
      if (done % 100 === 0 || done === todo.length)
        options.onProgress?.({ done, total: todo.length, unit: "videos" });
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 4, todo.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  // Insertion order follows completion order: sort so the table's bytes are deterministic.
  const sorted: VideoInfoTable = {};
  for (const key of Object.keys(table).sort()) sorted[key] = table[key];
  return sorted;
}

/**
 * Probes the videos of `conversations` that neither `settings.videoInfo` nor this thread's
 * cache knows, and remembers them, so the synchronous counter finds every one.
 */
export async function probeUnknownVideos(
  conversations: readonly Conversation[],
  settings: VisualSettings,
  file: string,
  startIndex: number,
): Promise<void> {
  if (!readsVideoFiles(settings)) return;
  const refs = conversations.flatMap((c, i) =>
    videoFilesOf(c, settings.videoFolder, file, startIndex + i).filter(
      (r) => knownVideoInfo(r.full, settings) === undefined,
    ),
  );
  if (refs.length === 0) return;
  const table = await probeVideoFiles(refs);
  for (const [full, info] of Object.entries(table)) probedVideos.set(full, info);
}
