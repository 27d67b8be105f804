/**
 * The notebook's gated step: when `T3KIT_PROBE_ENDPOINT` names an OpenAI-compatible server
 * (model `T3KIT_PROBE_MODEL`, key `OPENAI_API_KEY`), every validation video's question is
 * asked in video mode and in text mode, cached in out/probing/ask-cache; otherwise nothing
 * is asked and the result says how to ask.
 */
import { outPath } from "../../paths/index";
import { type AskMode, askProbeModel } from "../ask/ask-probe-model";
import { type AskAccuracy, summariseAskRecords } from "../ask/summarise-ask-records";
import { PROBING_ASPECTS } from "../aspects/probing-aspects";
import type { StudyVideos } from "./draw-study-videos";

export interface StudyAnswers {
  /** The server asked; undefined when none was set. */
  endpoint?: string;
  /** Accuracy per aspect and group, video mode first. */
  modes: { mode: AskMode; accuracy: AskAccuracy[] }[];
  /** Why nothing was asked. */
  skipped?: string;
}

export async function askStudyModel(
  videos: StudyVideos,
  env: Record<string, string | undefined> = process.env,
): Promise<StudyAnswers> {
  const endpoint = env.T3KIT_PROBE_ENDPOINT;
  if (!endpoint)
    return {
      modes: [],
      skipped: "skipped: set T3KIT_PROBE_ENDPOINT (and T3KIT_PROBE_MODEL) to ask a model server",
    };
  const modes: StudyAnswers["modes"] = [];
  for (const mode of ["video", "text"] as const) {
    const records = await askProbeModel({
      endpoint,
      model: env.T3KIT_PROBE_MODEL ?? "default",
      videos: videos.dir,
      aspects: PROBING_ASPECTS,
      mode,
      apiKey: env.OPENAI_API_KEY,
      cacheDir: outPath("probing", "ask-cache"),
    });
    modes.push({ mode, accuracy: summariseAskRecords(records) });
  }
  return { endpoint, modes };
}
