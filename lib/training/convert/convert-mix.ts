/**
 * Converts a LLaVA-format mix (JSON array or JSON Lines, streamed) into what the Qwen
 * codebases load unchanged:
 * - LLaMA-Factory: `<out>/<name>.json` (a JSON array, one row per line) and its entry in
 *   `<out>/dataset_info.json` (other entries there are kept), to be used with
 *   `dataset_dir: <out>`, `dataset: <name>`;
 * - ms-swift 2.x: `<out>/<name>.jsonl`.
 * Every record is checked first (turns, tags against media); a bad one stops the run naming
 * the file, record and field, and nothing is left behind (atomic writes).
 */
import { createHash } from "node:crypto";
import { basename, join, resolve } from "node:path";
import { InputError } from "../../errors/index";
import { openAtomicWriteStream } from "../../files/index";
import { readRecords } from "../../json/index";
import { datasetNameOf } from "../plan/plan-training";
import { mergeDatasetInfo } from "../render/merge-dataset-info";
import { llamafactoryDatasetInfo } from "../render/render-llamafactory";
import { type MediaFolders, toSharegptRow } from "./llava-to-sharegpt";
import { toSwiftRow } from "./llava-to-swift";
import { fpsVideoName, reencodeVideo } from "./reencode-video";

export type ConvertTarget = "llamafactory" | "ms-swift";
export const convertTargets: readonly ConvertTarget[] = ["llamafactory", "ms-swift"];

export interface ConvertOptions extends MediaFolders {
  to: ConvertTarget;
  /** The LLaVA-format mix. */
  data: string;
  out: string;
  /** Output name (default: the data file's name). */
  name?: string;
  /**
   * Re-encode every video at 2 fps with ffmpeg into this folder (`<stem>_fps2.mp4`, as the
   * released prepare_video_sft.py names them) and point the rows at the copies. Each
   * distinct video is encoded once; two videos with one stem (`x/a.mp4`, `y/a.mp4`) get
   * names told apart by their paths' hash, never one copy for both.
   */
  reencodeVideosInto?: string;
}

export interface ConvertReport {
  to: ConvertTarget;
  output: string;
  datasetInfo?: string;
  datasetName: string;
  rows: number;
  withImages: number;
  withVideos: number;
  textOnly: number;
  multiTurn: number;
}

export async function convertMix(o: ConvertOptions): Promise<ConvertReport> {
  const name = o.name ?? datasetNameOf(o.data);
  const output = resolve(o.out, o.to === "llamafactory" ? `${name}.json` : `${name}.jsonl`);
  if (output === resolve(o.data))
    throw new InputError(
      { file: o.data },
      `the output ${output} would overwrite the input; choose another --out`,
    );
  const report: ConvertReport = {
    to: o.to,
    output,
    datasetName: name,
    rows: 0,
    withImages: 0,
    withVideos: 0,
    textOnly: 0,
    multiTurn: 0,
  };
  const encoded: Reencoded = { byVideo: new Map(), byName: new Map() };
  const sink = await openAtomicWriteStream(output);
  try {
    await sink.write(o.to === "llamafactory" ? "[" : "");
    for await (const { index, line, record } of readRecords(o.data)) {
      const where = {
        file: o.data,
        record: line ?? index,
        recordKind: line ? ("line" as const) : ("record" as const),
      };
      const row =
        o.to === "llamafactory" ? toSharegptRow(record, where, o) : toSwiftRow(record, where, o);
      if (o.reencodeVideosInto !== undefined)
        row.videos = await Promise.all(
          row.videos.map((v) => reencoded(v, o.reencodeVideosInto as string, encoded)),
        );
      count(report, row.images.length, row.videos.length, turnsOf(row));
      const text = JSON.stringify(row);
      await sink.write(
        o.to === "llamafactory" ? `${report.rows === 1 ? "\n" : ",\n"}${text}` : `${text}\n`,
      );
    }
    await sink.write(o.to === "llamafactory" ? (report.rows === 0 ? "]\n" : "\n]\n") : "");
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  if (o.to === "llamafactory")
    report.datasetInfo = await writeDatasetInfo(o.out, name, basename(output));
  return report;
}

interface Reencoded {
  byVideo: Map<string, Promise<string>>;
  /** Which video each copy's name was given to. */
  byName: Map<string, string>;
}

/** The 2 fps copy of `video` in `folder`, made once per distinct video. */
function reencoded(video: string, folder: string, done: Reencoded): Promise<string> {
  const source = resolve(video);
  let p = done.byVideo.get(source);
  if (!p) {
    let name = fpsVideoName(source);
    if (done.byName.has(name) && done.byName.get(name) !== source)
      name = fpsVideoName(source, 2, createHash("sha256").update(source).digest("hex").slice(0, 8));
    done.byName.set(name, source);
    p = reencodeVideo(source, join(resolve(folder), name));
    done.byVideo.set(source, p);
  }
  return p;
}

function turnsOf(row: { conversations?: unknown[]; history?: unknown[] }): number {
  return row.conversations ? row.conversations.length / 2 : (row.history?.length ?? 0) + 1;
}

function count(r: ConvertReport, images: number, videos: number, pairs: number): void {
  r.rows++;
  if (images > 0) r.withImages++;
  if (videos > 0) r.withVideos++;
  if (images === 0 && videos === 0) r.textOnly++;
  if (pairs > 1) r.multiTurn++;
}

/** Adds (or replaces) this dataset's entry in `<dir>/dataset_info.json`, keeping the others. */
export async function writeDatasetInfo(
  dir: string,
  name: string,
  fileName: string,
): Promise<string> {
  const path = join(resolve(dir), "dataset_info.json");
  return mergeDatasetInfo(path, llamafactoryDatasetInfo(name, fileName));
}
