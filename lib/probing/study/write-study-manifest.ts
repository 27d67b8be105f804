/** out/probing/manifest.json: what the notebook ran and wrote. */
import { writeFileAtomic } from "../../files/index";
import { outPath } from "../../paths/index";
import type { StudyAnswers } from "./ask-study-model";
import type { StudyVideos } from "./draw-study-videos";
import type { StudyFeatures } from "./extract-study-features";
import type { EmbeddedProbes } from "./run-embedded-probes";

/** Writes the manifest of the notebook's four steps and returns its path. */
export async function writeStudyManifest(
  videos: StudyVideos,
  features: StudyFeatures,
  probes: EmbeddedProbes,
  answers: StudyAnswers,
  path: string = outPath("probing", "manifest.json"),
): Promise<string> {
  const content = {
    notebook: "01-probing",
    settings: videos.study,
    videos: { dir: videos.dir, count: videos.manifest.videos.length },
    features: {
      dir: features.dir,
      shape: features.manifest.shape,
      encoder: features.manifest.encoder,
      layer: features.manifest.layer,
      tokensPerFrame: features.manifest.tokensPerFrame,
      inputSize: features.manifest.inputSize,
      weightsSha256: features.manifest.weightsSha256,
    },
    results: probes.results,
    modelServer: answers.endpoint
      ? { endpoint: answers.endpoint, summary: answers.modes.flatMap((m) => m.accuracy) }
      : "skipped",
    table: outPath("tables", "probing-results.csv"),
    figure: outPath("figures", "probing-comparison.png"),
  };
  await writeFileAtomic(path, `${JSON.stringify(content, null, 1)}\n`);
  return path;
}
