import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "../../paths/index";

/** Every file under `dir`, depth first, in name order: an evaluator's output folder. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

/** The folder of the example evaluation outputs (synthetic numbers, real formats). */
export const evaluationExamplesDir = (): string => join(dataDir, "evaluation", "examples");

/**
 * The EXAMPLE files of data/evaluation/examples (made by scripts/make-evaluation-examples.ts):
 * two runs as lmms-eval and TempCompass write them, a spreadsheet run, the correlate CSV of
 * the paper's plotted points, and two synthesised textual validation files.
 */
export function evaluationExamples() {
  const dir = evaluationExamplesDir();
  return {
    baseline: filesUnder(join(dir, "longva-baseline")),
    t3: filesUnder(join(dir, "longva-t3")),
    spreadsheet: join(dir, "longva-t3-spreadsheet.csv"),
    correlation: join(dir, "correlation-points-approx.csv"),
    textual: filesUnder(join(dir, "textual")),
  };
}
