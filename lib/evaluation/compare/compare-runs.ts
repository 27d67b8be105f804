import { InputError } from "../../errors/index";
import { loadPaperTables } from "../../paper-numbers/index";
import { ingestResults } from "../read/ingest-results";
import { type PairedDifference, pairedDifferences } from "../stats/paired-differences";
import { type BenchmarkComparison, compareWithPaper } from "./compare-with-paper";

/** One run to compare: its name and its result files (local or `hub:` paths). */
export interface RunFiles {
  name: string;
  files: string[];
}

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
 * Reads each run's files, sets the runs beside the paper's tables (data/paper), and with a
 * baseline run gives every other run's paired differences to it.
 *
 * @example await compareRuns([{ name: "t3", files: ["out/t3/20241203_093000_results.json"] }])
 */
export async function compareRuns(
  runs: RunFiles[],
  options: CompareOptions = {},
): Promise<RunComparison> {
  const ingested = [];
  for (const r of runs) ingested.push(await ingestResults(r.files, r.name));
  const comparisons = compareWithPaper(ingested, loadPaperTables());
  if (options.baseline === undefined) return { comparisons, differences: [] };
  const base = ingested.find((r) => r.run === options.baseline);
  if (!base) {
    throw new InputError(
      { file: "--baseline" },
      `${options.baseline} is not one of the runs (${runs.map((r) => r.name).join(", ")})`,
    );
  }
  const bootstrap = { iterations: options.iterations, seed: options.seed };
  const differences = ingested
    .filter((r) => r !== base)
    .flatMap((r) => pairedDifferences(r, base, bootstrap));
  return { comparisons, differences, baseline: options.baseline };
}
