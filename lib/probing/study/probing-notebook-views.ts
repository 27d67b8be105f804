/**
 * Rows the probing notebook (notebooks/01-probing.ipynb) shows: the aspects with their
 * folders and video counts, probe accuracies rounded for reading, model-server accuracies
 * in percent. The cells only display them.
 */
import type { AskAccuracy } from "../ask/summarise-ask-records";
import type { ProbingAspect } from "../aspects/probing-aspects";
import type { FeatureManifest } from "../features/extract-features";
import type { ProbeSummaryRow } from "../probes/summarise-probe-results";
import type { ProbingVideoManifest } from "../videos/make-probing-videos";

/** One row per aspect: group, classes, train/val folders and how many videos were drawn. */
export function probingAspectRows(
  aspects: readonly ProbingAspect[],
  manifest: ProbingVideoManifest,
): Record<string, string | number>[] {
  return aspects.map((a) => ({
    aspect: a.name,
    group: a.group,
    classes: a.classes.join(" / "),
    train: a.trainDir,
    val: a.valDir,
    videos: manifest.videos.filter((v) => v.aspect === a.name).length,
  }));
}

/** Mean and standard deviation to one decimal (percent). */
export function probeSummaryView(rows: readonly ProbeSummaryRow[]): ProbeSummaryRow[] {
  return rows.map((r) => ({
    ...r,
    mean: Number(r.mean.toFixed(1)),
    std: Number(r.std.toFixed(1)),
  }));
}

/** Model-server accuracies of one mode, in percent to one decimal. */
export function askAccuracyView(
  mode: "video" | "text",
  rows: readonly AskAccuracy[],
): ({ mode: string } & AskAccuracy)[] {
  return rows.map((r) => ({ mode, ...r, accuracy: Number((100 * r.accuracy).toFixed(1)) }));
}

/** The features' shape and encoder in one line. */
export function featureSummaryLine(manifest: FeatureManifest): string {
  return `features [${manifest.shape}] per video (tokens x dims), ${manifest.description}`;
}
