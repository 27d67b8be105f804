/**
 * `probe train` as one step: the study on a features folder (local or `hub:`), its summary
 * per aspect and group, and that table written as CSV. A learning rate or batch size given
 * once applies to every chosen probe; what is not given is the released setting.
 */
import { writeFileAtomic } from "../../files/index";
import type { OnProgress } from "../../progress/index";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { probeTableCsv } from "./probe-table-csv";
import { type ProbeResult, runProbingStudy } from "./run-probing-study";
import { type ProbeSummaryRow, summariseProbeResults } from "./summarise-probe-results";
import type { ProbeKind } from "./train-probe";

export interface ProbeTableOptions {
  /** The features folder, or a `hub:` source naming one. */
  features: string;
  aspects: readonly ProbingAspect[];
  probes: ProbeKind[];
  seeds?: number[];
  epochs?: number;
  /** For every probe in `probes`. */
  learningRate?: number;
  /** For every probe in `probes`. */
  batchSize?: number;
  resize?: [number, number] | null;
  /** Where the CSV table goes. */
  out: string;
  onProgress?: OnProgress;
}

export interface ProbeTable {
  results: ProbeResult[];
  rows: ProbeSummaryRow[];
  /** The CSV file written. */
  out: string;
}

export async function writeProbeTable(options: ProbeTableOptions): Promise<ProbeTable> {
  const forEachProbe = <T>(value: T | undefined) =>
    value === undefined ? undefined : Object.fromEntries(options.probes.map((k) => [k, value]));
  const results = await runProbingStudy({
    features: options.features,
    aspects: options.aspects,
    probes: options.probes,
    seeds: options.seeds,
    epochs: options.epochs,
    learningRate: forEachProbe(options.learningRate),
    batchSize: forEachProbe(options.batchSize),
    resize: options.resize,
    onProgress: options.onProgress,
  });
  const rows = summariseProbeResults(results);
  await writeFileAtomic(options.out, probeTableCsv(rows));
  return { results, rows, out: options.out };
}
