/**
 * The embedded study's two probes on a features folder, each with the study's own settings
 * (see embedded-study.ts): the linear probe with its seeds and learning rate at the released
 * epochs, the LSTM with its seeds, learning rate, epochs and input size.
 */
import type { ProbingAspect } from "../aspects/probing-aspects";
import { PROBING_ASPECTS } from "../aspects/probing-aspects";
import { type ProbeResult, runProbingStudy } from "../probes/run-probing-study";
import { type ProbeSummaryRow, summariseProbeResults } from "../probes/summarise-probe-results";
import type { EmbeddedStudySettings } from "./embedded-study";

export interface EmbeddedProbes {
  /** Linear results first, then LSTM. */
  results: ProbeResult[];
  summary: ProbeSummaryRow[];
}

export function runEmbeddedLinearProbe(
  study: EmbeddedStudySettings,
  features: string,
  aspects: readonly ProbingAspect[] = PROBING_ASPECTS,
): Promise<ProbeResult[]> {
  return runProbingStudy({
    features,
    aspects,
    probes: ["linear"],
    seeds: study.linear.seeds,
    learningRate: { linear: study.linear.learningRate },
  });
}

export function runEmbeddedLstmProbe(
  study: EmbeddedStudySettings,
  features: string,
  aspects: readonly ProbingAspect[] = PROBING_ASPECTS,
): Promise<ProbeResult[]> {
  return runProbingStudy({
    features,
    aspects,
    probes: ["lstm"],
    seeds: study.lstm.seeds,
    epochs: study.lstm.epochs,
    learningRate: { lstm: study.lstm.learningRate },
    resize: study.lstm.resize,
  });
}

/** Both probes, and their summary per aspect and group. */
export async function runEmbeddedProbes(
  study: EmbeddedStudySettings,
  features: string,
): Promise<EmbeddedProbes> {
  const linear = await runEmbeddedLinearProbe(study, features);
  const lstm = await runEmbeddedLstmProbe(study, features);
  const results = [...linear, ...lstm];
  return { results, summary: summariseProbeResults(results) };
}
