/** The notebook's first step: the study's videos of every aspect, drawn into out/probing/videos. */
import { outPath } from "../../paths/index";
import { PROBING_ASPECTS } from "../aspects/probing-aspects";
import { type ProbingVideoManifest, makeProbingVideos } from "../videos/make-probing-videos";
import { type EmbeddedStudySettings, notebookStudy } from "./embedded-study";

export interface StudyVideos {
  study: EmbeddedStudySettings;
  dir: string;
  manifest: ProbingVideoManifest;
}

/** Draws `study.perClass` videos per class and split with the study's seed. */
export async function drawStudyVideos(
  study: EmbeddedStudySettings = notebookStudy(),
  dir: string = outPath("probing", "videos"),
): Promise<StudyVideos> {
  const manifest = await makeProbingVideos({
    out: dir,
    aspects: PROBING_ASPECTS,
    perClass: study.perClass,
    seed: study.videoSeed,
  });
  return { study, dir, manifest };
}
