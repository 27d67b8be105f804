/**
 * The embedded study's probes on a features folder, each with the study's own settings
 * (see embedded-study.ts): its seeds and learning rate, and for the LSTM its epochs and
 * input size (the linear probe keeps the released epochs).
 */
import { PROBING_ASPECTS, type ProbingAspect } from "../aspects/probing-aspects";
import { type ProbeResult, runProbingStudy } from "../probes/run-probing-study";
import { type ProbeSummaryRow, summariseProbeResults } from "../probes/summarise-probe-results";
import type { ProbeKind } from "../probes/train-probe";
import type { EmbeddedStudySettings } from "./embedded-study";

export interface EmbeddedProbes {
  /** Linear results first, then LSTM. */
  results: ProbeResult[];
  summary: ProbeSummaryRow[];
}

/** One probe of the embedded study. */
export function runEmbeddedProbe(
  study: EmbeddedStudySettings,
  probe: ProbeKind,
  features: string,
  aspects: readonly ProbingAspect[] = PROBING_ASPECTS,
): Promise<ProbeResult[]> {
  const settings: EmbeddedStudySettings["linear"] & Partial<EmbeddedStudySettings["lstm"]> =
    study[probe];
  return runProbingStudy({
    features,
    aspects,
    probes: [probe],
    seeds: settings.seeds,
    epochs: settings.epochs,
    learningRate: { [probe]: settings.learningRate },
    resize: settings.resize,
  });
}

/** Both probes, and their summary per aspect and group. */
export async function runEmbeddedProbes(
  study: EmbeddedStudySettings,
  features: string,
): Promise<EmbeddedProbes> {
  const linear = await runEmbeddedProbe(study, "linear", features);
  const lstm = await runEmbeddedProbe(study, "lstm", features);
  const results = [...linear, ...lstm];
  return { results, summary: summariseProbeResults(results) };
}
