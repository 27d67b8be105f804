import { InputError } from "../../errors/index";
import { loadPaperTables } from "../../paper-numbers/index";
import type { IngestedRun } from "../evaluation-row";
import { type RunFiles, ingestRuns } from "../read/ingest-results";
import type { BootstrapOptions } from "../stats/paired-bootstrap";
import { type PairedDifference, pairedDifferences } from "../stats/paired-differences";
import { type BenchmarkComparison, compareWithPaper } from "./compare-with-paper";

export interface CompareOptions {
  /** The run the others are tested against; without it, no differences. */
  baseline?: string;
  /** Bootstrap resamples (default 1000). */
  iterations?: number;
  /** Bootstrap seed (default 0). */
  seed?: number;
}

/** What `t3kit eval compare` reports: each run beside the paper, and runs minus a baseline run. */
export interface RunComparison {
  comparisons: BenchmarkComparison[];
  differences: PairedDifference[];
  /** The baseline run's name, when one was given. */
  baseline?: string;
}

/**
 * Every run but the baseline run minus the baseline, per benchmark dimension (paired
 * bootstrap intervals and McNemar p where both have per-question results), runs in order.
 */
export function differencesToBaseline(
  runs: readonly IngestedRun[],
  baseline: string,
  options: BootstrapOptions = {},
): PairedDifference[] {
  const base = runs.find((r) => r.run === baseline);
  if (!base) {
    throw new InputError(
      { file: "--baseline" },
      `${baseline} is not one of the runs (${runs.map((r) => r.run).join(", ")})`,
    );
  }
  return runs.filter((r) => r !== base).flatMap((r) => pairedDifferences(r, base, options));
}

/**
 * Reads each run's files, sets the runs beside the paper's tables (data/paper), and with a
 * baseline run gives every other run's paired differences to it.
 *
 * @example await compareRuns([{ name: "t3", files: ["out/t3/20241203_093000_results.json"] }])
 */
export async function compareRuns(
  runs: readonly RunFiles[],
  options: CompareOptions = {},
): Promise<RunComparison> {
  const ingested = await ingestRuns(runs);
  const comparisons = compareWithPaper(ingested, loadPaperTables());
  if (options.baseline === undefined) return { comparisons, differences: [] };
  const bootstrap = { iterations: options.iterations, seed: options.seed };
  const differences = differencesToBaseline(ingested, options.baseline, bootstrap);
  return { comparisons, differences, baseline: options.baseline };
}
