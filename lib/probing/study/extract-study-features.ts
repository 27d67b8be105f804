/** The notebook's second step: the features of the study's videos (its encoder), in out/probing/features. */
import { outPath } from "../../paths/index";
import { PROBING_ASPECTS } from "../aspects/probing-aspects";
import { type FeatureManifest, extractFeatures } from "../features/extract-features";
import type { StudyVideos } from "./draw-study-videos";

export interface StudyFeatures {
  dir: string;
  manifest: FeatureManifest;
}

export async function extractStudyFeatures(
  videos: StudyVideos,
  dir: string = outPath("probing", "features"),
): Promise<StudyFeatures> {
  const manifest = await extractFeatures({
    videos: videos.dir,
    out: dir,
    aspects: PROBING_ASPECTS,
    encoder: videos.study.encoder,
  });
  return { dir, manifest };
}
