/**
 * `t3kit train convert`: a LLaVA mix converted for LLaMA-Factory or ms-swift, or, with
 * video records and ratios, the Qwen video-ratio sets (T3 + int(len(T3) x ratio) video
 * records, shuffled as the released prepare_video_sft.py does), each written as LLaVA JSON
 * (`<name>+VRatio<r>.llava.json`, Python's json layout) and converted. The mix and the
 * video records may be `hub:` paths. Each converted file is yielded when it is written.
 */
import { basename, join, resolve } from "node:path";
import { writeFileAtomic } from "../../files/index";
import { formatPythonFloat, formatPythonJson, readAllRecords } from "../../json/index";
import { localTrainingInput } from "../plan/local-training-input";
import { type ConvertOptions, type ConvertReport, convertMix } from "./convert-mix";
import { RELEASED_RATIO_SEED, RELEASED_VIDEO_RATIOS, videoRatioSet } from "./video-ratio-set";

export interface ConvertRequest extends ConvertOptions {
  /** Video records (a file or a `hub:` path): make the video-ratio sets first. */
  videos?: string;
  /** Default: the released 0.2, 0.5, 1.0, 2.0. */
  ratios?: readonly number[];
  /** Default: the released 1234. */
  seed?: number;
}

export type ConvertStep =
  | { kind: "converted"; report: ConvertReport }
  | { kind: "ratio-set"; ratio: number; t3: number; video: number; report: ConvertReport };

export async function* convertTrainingData(req: ConvertRequest): AsyncGenerator<ConvertStep> {
  const { videos, ratios = RELEASED_VIDEO_RATIOS, seed = RELEASED_RATIO_SEED, ...o } = req;
  const data = await localTrainingInput(o.data);
  if (videos === undefined) {
    yield { kind: "converted", report: await convertMix({ ...o, data }) };
    return;
  }
  const videoFile = await localTrainingInput(videos);
  const t3 = await readAllRecords(data);
  const video = await readAllRecords(videoFile);
  const stem = o.name ?? basename(data).replace(/\.(jsonl?|json)$/i, "");
  for (const ratio of ratios) {
    const set = videoRatioSet(t3, video, ratio, seed, videoFile);
    const name = `${stem}+VRatio${formatPythonFloat(ratio)}`;
    const llava = join(resolve(o.out), `${name}.llava.json`);
    await writeFileAtomic(llava, `${formatPythonJson(set, { indent: 4 })}\n`);
    const report = await convertMix({ ...o, data: llava, name });
    yield { kind: "ratio-set", ratio, t3: t3.length, video: set.length - t3.length, report };
  }
}

/** One line per converted file: rows by kind, or the ratio set's T3 and video counts. */
export function formatConvertStep(step: ConvertStep): string {
  const r = step.report;
  if (step.kind === "ratio-set")
    return `ratio ${formatPythonFloat(step.ratio)}: ${step.t3} T3 + ${step.video} video = ${r.rows} rows -> ${r.output}\n`;
  return `${r.rows} rows (${r.withImages} with images, ${r.withVideos} with videos, ${r.textOnly} text-only, ${r.multiTurn} multi-turn) -> ${r.output}${r.datasetInfo ? ` + ${r.datasetInfo} (dataset: ${r.datasetName})` : ""}\n`;
}
