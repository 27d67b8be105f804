import type { PaperColumn, PaperTable } from "../../paper-numbers/index";
import { baselineRow, roundTo } from "../../paper-numbers/index";
import type { IngestedRun } from "../evaluation-row";
import { dimensionKey } from "../read/name-keys";
import { pickRunValue } from "./pick-run-value";

/** The paper's tables a run is set beside (the data/paper ids are the benchmark names). */
export const PAPER_BENCHMARKS = ["tempcompass", "videomme", "mlvu"];

export interface ComparedRow {
  label: string;
  /** "paper" for the paper's rows, "run" for the user's. */
  origin: "paper" | "run";
  /** The paper row's role (baseline, ours, ablation, reference), or "run". */
  role: string;
  values: (number | null)[];
  /** Each value minus the paper's LongVA-7B baseline, one decimal; null where either is missing. */
  deltas: (number | null)[];
  /** For runs: evaluator settings of the values (frames matter: the paper used 32 for TempCompass, 128 otherwise). */
  settings: string;
}

export interface BenchmarkComparison {
  benchmark: string;
  title: string;
  columns: PaperColumn[];
  /** The paper's baseline row label, e.g. "LongVA-7B (128 frm)". */
  baseline: string;
  rows: ComparedRow[];
}

// A run's dimension matches a paper column by key ("temporal_reasoning") or by label ("AC*").
function runValue(run: IngestedRun, benchmark: string, column: PaperColumn): number | null {
  const byKey = pickRunValue(run.rows, benchmark, column.key);
  return byKey ?? pickRunValue(run.rows, benchmark, dimensionKey(column.label));
}

function runSettings(run: IngestedRun, benchmark: string): string {
  const s = new Set(
    run.rows
      .filter((r) => r.benchmark === benchmark)
      .map((r) => r.settings)
      .filter((x) => x !== ""),
  );
  return [...s].join(" | ");
}

/**
 * Each run beside the paper's rows of TempCompass, Video-MME and MLVU, every value with its
 * difference to the paper's LongVA-7B baseline. Benchmarks no run has a value for are left out.
 */
export function compareWithPaper(
  runs: IngestedRun[],
  tables: Map<string, PaperTable>,
): BenchmarkComparison[] {
  const out: BenchmarkComparison[] = [];
  for (const benchmark of PAPER_BENCHMARKS) {
    const table = tables.get(benchmark);
    if (!table) throw new Error(`no paper table "${benchmark}" in data/paper`);
    const base = baselineRow(table);
    const delta = (values: (number | null)[]) =>
      values.map((v, j) => {
        const b = base.values[j];
        return v === null || b === null ? null : roundTo(v - b);
      });
    const runRows: ComparedRow[] = runs.map((run) => {
      const values = table.columns.map((c) => runValue(run, benchmark, c));
      return {
        label: run.run,
        origin: "run",
        role: "run",
        values,
        deltas: delta(values),
        settings: runSettings(run, benchmark),
      };
    });
    if (runRows.every((r) => r.values.every((v) => v === null))) continue;
    const paperRows: ComparedRow[] = table.rows.map((r) => ({
      label: r.label,
      origin: "paper",
      role: r.role,
      values: r.values,
      deltas: delta(r.values),
      settings: "",
    }));
    out.push({
      benchmark,
      title: table.title,
      columns: table.columns,
      baseline: base.label,
      rows: [...paperRows, ...runRows],
    });
  }
  return out;
}
