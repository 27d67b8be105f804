import type { PaperTable } from "../../paper-numbers/index";
import { findRow, loadPaperTable } from "../../paper-numbers/index";
import { type CorrelationInput, type RunsCorrelation, correlateRuns } from "./correlate-runs";

/**
 * The correlation plot's points read off the paper's figure (approximate) as correlate's
 * input: textual accuracy, then TempCompass, MLVU, Video-MME (null where a point was not read).
 */
export function paperCorrelationInput(points: PaperTable): CorrelationInput {
  const x = points.columns.findIndex((c) => c.key === "text_acc");
  const benchmarks = points.columns.filter((_, j) => j !== x);
  return {
    runs: points.rows.map((r) => r.label),
    textual: points.rows.map((r) => r.values[x] as number),
    benchmarks: new Map(
      benchmarks.map((c) => [c.label, points.rows.map((r) => r.values[points.columns.indexOf(c)])]),
    ),
  };
}

/** The r and p the paper prints per benchmark label (data/paper/correlation.json). */
export function paperCorrelationStated(
  stats: PaperTable,
): Record<string, { r: number; p: number }> {
  const r = stats.columns.findIndex((c) => c.key === "r");
  const p = stats.columns.findIndex((c) => c.key === "p");
  return Object.fromEntries(
    stats.rows.map((row) => [
      row.label,
      { r: findRow(stats, row.label).values[r] as number, p: row.values[p] as number },
    ]),
  );
}

/**
 * The paper's analysis rerun on the points read off its correlation figure (approximate):
 * each benchmark's r and p beside the printed ones (notebook 07).
 */
export function paperPointsCorrelation(): RunsCorrelation {
  const input = paperCorrelationInput(loadPaperTable("correlation-points"));
  return {
    input,
    results: correlateRuns(input, "data/paper/correlation-points.json"),
    stated: paperCorrelationStated(loadPaperTable("correlation")),
    title:
      "Textual validation accuracy vs video accuracy (points read off the paper's figure, approximate)",
  };
}
