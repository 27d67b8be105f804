/**
 * What each `t3kit eval` subcommand prints on stdout: a terminal table, or with --json the
 * JSON documented in its help. One formatter per subcommand.
 */
import type { RunComparison } from "../compare/compare-runs";
import type { BenchmarkComparison } from "../compare/compare-with-paper";
import type { IngestedRun } from "../evaluation-row";
import type { Correlation } from "../stats/correlate-runs";
import type { PairedDifference } from "../stats/paired-differences";
import type { TextualFileAccuracy } from "../textual/textual-accuracy";
import { headlineRows, mcnemarCell, measureCells } from "./evaluation-records";
import { formatTextTable } from "./format-text-table";

const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `eval ingest`: the tidy rows; --json: `{"rows": […]}`. */
export function formatIngestOutput(run: IngestedRun, json: boolean): string {
  const notes = run.notes ?? [];
  if (json) return jsonText(notes.length > 0 ? { rows: run.rows, notes } : { rows: run.rows });
  const table = formatTextTable(
    run.rows.map((r) => ({ ...r })),
    2,
  );
  return notes.length === 0 ? table : `${table}${notes.map((n) => `note: ${n}\n`).join("")}`;
}

// The paper's baseline and T3 rows and the runs, each measure with its Δ to the baseline.
function comparisonText(c: BenchmarkComparison): string {
  const rows = headlineRows(c).map((r) => ({
    "": r.origin === "run" ? `${r.label} (run)` : r.label,
    ...measureCells(c, r, { values: true, deltas: true }),
  }));
  return `\n${c.title}\n(Δ: minus the paper's ${c.baseline})\n${formatTextTable(rows)}`;
}

function differencesText(diffs: readonly PairedDifference[], baseline: string): string {
  const rows = diffs.map((d) => ({
    run: d.run,
    benchmark: d.benchmark,
    dimension: d.dimension,
    n: d.n,
    diff: d.difference,
    low: d.low,
    high: d.high,
    "McNemar p": mcnemarCell(d.mcnemarP),
    note: d.note,
  }));
  return `\nDifferences to run ${baseline} (points; 95% paired bootstrap interval)\n${formatTextTable(rows, 2)}`;
}

/** `eval compare`: each benchmark's table, then the differences; --json: `{comparisons, differences}`. */
export function formatCompareOutput(result: RunComparison, json: boolean): string {
  const { comparisons, differences, baseline } = result;
  if (json) return jsonText({ comparisons, differences });
  const tables = comparisons.map(comparisonText).join("");
  return differences.length > 0 && baseline !== undefined
    ? tables + differencesText(differences, baseline)
    : tables;
}

/** `eval correlate`: `{"<benchmark>": {"r", "p", "n"}, …}`. */
export function formatCorrelateOutput(results: Record<string, Correlation>): string {
  return jsonText(results);
}

/** `eval textual`: accuracy per file; --json: `{"files": [{"file", "n", "accuracy"}]}`. */
export function formatTextualOutput(files: readonly TextualFileAccuracy[], json: boolean): string {
  if (json)
    return jsonText({ files: files.map(({ file, n, accuracy }) => ({ file, n, accuracy })) });
  const rows = files.map(({ file, n, accuracy, unreadable }) => ({
    file,
    n,
    accuracy,
    "no option read": unreadable,
  }));
  return formatTextTable(rows, 4);
}
