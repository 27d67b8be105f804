import { join } from "node:path";
import { writeFileAtomic } from "../../files/index";
import { outDir } from "../../paths/index";
import { closeBrowser } from "../../plots/index";
import { saveFigure } from "../../plots/index";
import { saveTable } from "../../tables/index";
import type { BenchmarkComparison } from "../compare/compare-with-paper";
import type { IngestedRun } from "../evaluation-row";
import type { RunsCorrelation } from "../stats/correlate-runs";
import type { PairedDifference } from "../stats/paired-differences";
import { comparisonFigure, correlationFitFigure, differencesFigure } from "./evaluation-figures";
import {
  comparisonDeltaFrame,
  comparisonFrame,
  correlationFrame,
  differencesFrame,
  evaluationRowsFrame,
} from "./evaluation-frames";

export interface EvaluationOutputs {
  runs: IngestedRun[];
  comparisons: BenchmarkComparison[];
  differences: PairedDifference[];
  correlation?: RunsCorrelation;
}

export interface SavedEvaluation {
  tables: string[];
  figures: string[];
  manifest: string;
}

/**
 * Writes the evaluation's tables (out/tables/evaluation-*.csv), figures
 * (out/figures/evaluation-*.{html,png}) and out/evaluation/manifest.json (runs, their
 * source files, what was written), each file atomically.
 */
export async function saveEvaluationOutputs(
  o: EvaluationOutputs,
  out = outDir(),
): Promise<SavedEvaluation> {
  const tablesDir = join(out, "tables");
  const figuresDir = join(out, "figures");
  const saved: SavedEvaluation = {
    tables: [],
    figures: [],
    manifest: join(out, "evaluation", "manifest.json"),
  };
  const rows = o.runs.flatMap((r) => r.rows);
  saved.tables.push(await saveTable(evaluationRowsFrame(rows), "evaluation-rows", tablesDir));
  for (const c of o.comparisons) {
    saved.tables.push(
      await saveTable(comparisonFrame(c), `evaluation-compare-${c.benchmark}`, tablesDir),
    );
    saved.tables.push(
      await saveTable(
        comparisonDeltaFrame(c, ["run"]),
        `evaluation-deltas-${c.benchmark}`,
        tablesDir,
      ),
    );
  }
  if (o.differences.length > 0) {
    saved.tables.push(
      await saveTable(differencesFrame(o.differences), "evaluation-differences", tablesDir),
    );
  }
  if (o.correlation) {
    const c = o.correlation;
    saved.tables.push(
      await saveTable(correlationFrame(c.results, c.stated), "evaluation-correlation", tablesDir),
    );
  }
  try {
    const figures = o.comparisons.map(
      (c) => [`evaluation-compare-${c.benchmark}`, comparisonFigure(c)] as const,
    );
    const all = [
      ...figures,
      ...(o.differences.length > 0
        ? [["evaluation-differences", differencesFigure(o.differences)] as const]
        : []),
      ...(o.correlation
        ? [["evaluation-correlation", correlationFitFigure(o.correlation)] as const]
        : []),
    ];
    for (const [name, fig] of all) {
      const f = await saveFigure(fig, name, figuresDir);
      saved.figures.push(f.png, f.html);
    }
  } finally {
    await closeBrowser();
  }
  const manifest = {
    runs: o.runs.map((r) => ({
      run: r.run,
      sources: [...new Set(r.rows.map((x) => x.source))],
      rows: r.rows.length,
    })),
    tables: saved.tables,
    figures: saved.figures,
  };
  await writeFileAtomic(saved.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return saved;
}
