import type { DataFrame } from "danfojs-node";
import { toDataFrame } from "../../tables/index";
import type { BenchmarkComparison } from "../compare/compare-with-paper";
import type { EvaluationRow } from "../evaluation-row";
import type { Correlation } from "../stats/correlate-runs";
import type { PairedDifference } from "../stats/paired-differences";
import type { TextualFileAccuracy } from "../textual/textual-accuracy";
import { mcnemarCell, measureCells } from "./evaluation-records";

/** The tidy table: one row per value, with where it came from (only `benchmark`'s, if given). */
export function evaluationRowsFrame(rows: readonly EvaluationRow[], benchmark?: string): DataFrame {
  return toDataFrame(
    rows.filter((r) => benchmark === undefined || r.benchmark === benchmark).map((r) => ({ ...r })),
    [
      "run",
      "benchmark",
      "dimension",
      "metric",
      "value",
      "n",
      "evaluator",
      "version",
      "settings",
      "source",
    ],
  );
}

/** A benchmark's paper rows and runs, one column per reported measure. */
export function comparisonFrame(c: BenchmarkComparison): DataFrame {
  return toDataFrame(
    c.rows.map((r) => ({
      Method: r.label,
      From: r.origin === "run" ? "this run" : `paper (${r.role})`,
      ...measureCells(c, r, { values: true }),
    })),
  );
}

/** Each row minus the paper's LongVA-7B baseline (the paper's rows for reference, then the runs). */
export function comparisonDeltaFrame(
  c: BenchmarkComparison,
  origins: ("paper" | "run")[] = ["paper", "run"],
): DataFrame {
  return toDataFrame(
    c.rows
      .filter((r) => origins.includes(r.origin) && r.role !== "baseline")
      .map((r) => ({
        Method: r.label,
        From: r.origin === "run" ? "this run" : "paper",
        ...measureCells(c, r, { deltas: true }),
      })),
  );
}

/** Run-vs-baseline differences with their intervals (blank where none can be computed). */
export function differencesFrame(diffs: readonly PairedDifference[]): DataFrame {
  return toDataFrame(
    diffs.map((d) => ({
      benchmark: d.benchmark,
      dimension: d.dimension,
      run: d.run,
      baseline: d.baseline,
      n: d.n,
      "run %": d.runValue,
      "baseline %": d.baselineValue,
      "Δ points": d.difference,
      "CI low": d.low,
      "CI high": d.high,
      "McNemar p": mcnemarCell(d.mcnemarP),
      note: d.note,
    })),
  );
}

/** Correlations per benchmark, beside the paper's printed r and p where given. */
export function correlationFrame(
  results: Record<string, Correlation>,
  stated: Record<string, { r: number; p: number }> = {},
): DataFrame {
  return toDataFrame(
    Object.entries(results).map(([benchmark, c]) => ({
      benchmark,
      n: c.n,
      r: c.r,
      p: c.p.toExponential(2),
      "paper r": stated[benchmark]?.r ?? null,
      "paper p": stated[benchmark] ? stated[benchmark].p.toExponential(2) : null,
    })),
  );
}

/** Textual validation accuracy per file (accuracy 0..1; answers no option was read from). */
export function textualAccuracyFrame(files: readonly TextualFileAccuracy[]): DataFrame {
  return toDataFrame(files.map((f) => ({ ...f })));
}
