import { basename } from "node:path";
import { readRecords } from "../json/index";
/**
 * Token counts of every record of a LLaVA JSON / JSONL or Video-T3 file, streamed in
 * order (lib/json's readers: a 1.6 GB array never becomes one string), counted on every
 * core. A T3 pair has no id or source: its id is its index and its source the file name.
 * With a video folder (Qwen2-VL), a first pass over the file probes its distinct videos
 * (ffprobe, 4 at a time) so the counting pass, and its worker threads, know every video.
 */
import type { OnProgress } from "../progress/index";
import type { TokenCountRow } from "./count-record-tokens";
import { resolveVisualSettings } from "./count-record-tokens";
import { readConversation } from "./template/read-conversation";
import {
  type VideoFileRef,
  probeVideoFiles,
  readsVideoFiles,
  videoFilesOf,
} from "./visual/probe-video-files";
import type { VideoInfoTable } from "./visual/read-video-info";
import { type ParallelCountOptions, countTokensParallel } from "./workers/count-tokens-parallel";

/** Options of countFileTokens: counting options and a progress sink for the video pass. */
export interface FileCountOptions extends Omit<ParallelCountOptions, "file"> {
  /** Called as videos are probed (every 100 and at the end). */
  onVideoProgress?: OnProgress;
}

/**
 * Probes every distinct video the records of `path` name (under `folder`): the table that
 * countFileTokens hands to the counter. Bad records are InputErrors, as in counting.
 */
export async function probeFileVideos(
  path: string,
  folder: string,
  onProgress?: OnProgress,
): Promise<VideoInfoTable> {
  const refs: VideoFileRef[] = [];
  const seen = new Set<string>();
  for await (const { index, record } of readRecords(path)) {
    const conv = readConversation(record, path, index);
    for (const ref of videoFilesOf(conv, folder, path, index)) {
      if (seen.has(ref.full)) continue;
      seen.add(ref.full);
      refs.push(ref);
    }
  }
  return probeVideoFiles(refs, { concurrency: 4, onProgress });
}

/** Rows for each record of `path`, in file order. */
export async function* countFileTokens(
  path: string,
  options: FileCountOptions = {},
): AsyncGenerator<TokenCountRow> {
  const { onVideoProgress, ...countOptions } = options;
  const defaultSource = options.defaultSource ?? basename(path).replace(/\.(jsonl?|json)$/i, "");
  let visual = countOptions.visual;
  const settings = resolveVisualSettings(countOptions);
  if (readsVideoFiles(settings) && settings.videoInfo === undefined) {
    const videoInfo = await probeFileVideos(path, settings.videoFolder!, onVideoProgress);
    visual = { ...visual, videoInfo };
  }
  yield* countTokensParallel(readRecords(path), {
    ...countOptions,
    visual,
    file: path,
    defaultSource,
  });
}
