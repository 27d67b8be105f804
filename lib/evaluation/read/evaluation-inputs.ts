/**
 * What notebooks/07-evaluation.ipynb reads: the example runs, the correlate CSV and the
 * textual validation files, embedded; with T3KIT_SOURCE=hub the textual validation files
 * are the released tobiaslee/text_temporal ones (fetched into the cache), as its first
 * cell's `dataSource("evaluation")` says.
 */
import { hubSourceSelected, stageInputPaths } from "../../hub/index";
import { evaluationExamples } from "./evaluation-examples";
import type { RunFiles } from "./ingest-results";

export type EvaluationInputs = ReturnType<typeof evaluationExamples> & {
  /** The example runs by name: LongVA-7B, LongVA-7B + T3, and a spreadsheet run. */
  runs: RunFiles[];
};

/** The evaluation's inputs, embedded or (textual files) from the Hub. */
export async function evaluationInputs(
  env: Record<string, string | undefined> = process.env,
): Promise<EvaluationInputs> {
  const ex = evaluationExamples();
  const inputs = {
    ...ex,
    runs: [
      { name: "example LongVA-7B", files: ex.baseline },
      { name: "example LongVA-7B + T3", files: ex.t3 },
      { name: "example spreadsheet", files: [ex.spreadsheet] },
    ],
  };
  if (!hubSourceSelected(env)) return inputs;
  return { ...inputs, textual: await stageInputPaths("evaluation", {}, env) };
}
