/**
 * `tokens report`: per-mix and per-source statistics of one or more mixes, saved as tables
 * (<out>/tables/tokens-*.csv) and figures (<out>/figures/tokens-*.{html,png}); <out> is out/
 * unless given.
 */
import { join } from "node:path";
import type { DataFrame } from "danfojs-node";
import { outDir } from "../paths/index";
import { saveFigure } from "../plots/index";
import { saveTable } from "../tables/index";
import type { ParallelCountOptions } from "../token-counting/index";
import {
  loadTokenMix,
  mixStatsTable,
  sourceHistogramFigure,
  sourceStatsTable,
  tokenHistogramFigure,
  tokenShareFigure,
} from "./token-report";

export interface TokenReport {
  byMix: DataFrame;
  bySource: DataFrame;
  /** Every file written: tables, then the figures' PNGs. */
  written: string[];
}

/** Loads each file as a mix (records, or rows of `tokens count`) and saves the report. */
export async function writeTokenReport(
  files: readonly string[],
  options: Omit<ParallelCountOptions, "file">,
  maxTokens?: number,
  outRoot = outDir(),
): Promise<TokenReport> {
  const tablesDir = join(outRoot, "tables");
  const figuresDir = join(outRoot, "figures");
  const mixes = [];
  for (const file of files) mixes.push(await loadTokenMix(file, options));
  const byMix = mixStatsTable(mixes);
  const bySource = sourceStatsTable(mixes);
  const tables = [
    await saveTable(byMix, "tokens-by-mix", tablesDir),
    await saveTable(bySource, "tokens-by-source", tablesDir),
  ];
  const figures = [
    await saveFigure(
      tokenHistogramFigure(
        mixes.map((m) => ({ name: m.name, values: m.rows.map((r) => r.total_tokens) })),
        "Tokens per record by mix",
        maxTokens,
      ),
      "tokens-histogram-by-mix",
      figuresDir,
    ),
    await saveFigure(tokenShareFigure(mixes), "tokens-share-by-source", figuresDir),
    ...(await Promise.all(
      mixes.map((m, i) =>
        saveFigure(
          sourceHistogramFigure(m, maxTokens),
          `tokens-histogram-${i + 1}-${m.name}`,
          figuresDir,
        ),
      ),
    )),
  ];
  return { byMix, bySource, written: [...tables, ...figures.map((f) => f.png)] };
}
