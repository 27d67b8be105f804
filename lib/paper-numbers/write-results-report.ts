import { join } from "node:path";
import type { Figure } from "../plots/index";
import { closeBrowser } from "../plots/index";
import { saveFigure } from "../plots/index";
/**
 * Every results table (CSV) and figure (HTML + PNG) in one call: what `t3kit results` and
 * notebooks/06-results.ipynb produce. About 10 s, most of it Chromium rendering PNGs.
 */
import type { OnProgress } from "../progress/index";
import { saveTable } from "../tables/index";
import { baselineDeltaFigure } from "./baseline-delta-figure";
import { checkClaims } from "./check-claims";
import { claimsFrame } from "./claims-frame";
import { correlationFigure } from "./correlation-figure";
import { groupedBarsFigure } from "./grouped-bars-figure";
import { loadPaperTables, paperDir } from "./load-paper-table";
import type { PaperTable } from "./paper-table";
import { deltaFrame, paperTableFrame } from "./paper-table-frame";
import { probingFigure } from "./probing-figure";
import { requirePaperTables } from "./required-paper-tables";
import { tempcompassAblationFigure } from "./tempcompass-ablation-figure";

/** The results figures by output name, built from the tables. */
export function resultsFigures(tables: Map<string, PaperTable>): Record<string, Figure> {
  const t = (id: string) => tables.get(id)!;
  return {
    "tempcompass-ablation": tempcompassAblationFigure(t("tempcompass")),
    "tempcompass-deltas": baselineDeltaFigure(
      t("tempcompass"),
      "TempCompass: each mix minus LongVA-7B (32 frm)",
    ),
    probing: probingFigure([t("probing-longva"), t("probing-vila")]),
    "figure6a-tuned-parts": groupedBarsFigure(t("figure6a-tuned-parts"), "accuracy %"),
    "figure6b-frame-gain": groupedBarsFigure(
      t("figure6b-frame-gain"),
      "gain from 32 to 128 frames",
    ),
    correlation: correlationFigure(t("correlation"), t("correlation-points")),
  };
}

export interface ResultsReport {
  tables: string[];
  figures: string[];
}

/** Writes every table to `<out>/tables` and every figure to `<out>/figures`. */
export async function writeResultsReport(
  out: string,
  onProgress?: OnProgress,
  paperFolder = paperDir(),
): Promise<ResultsReport> {
  const tables = loadPaperTables(paperFolder);
  requirePaperTables(tables, paperFolder);
  const written: ResultsReport = { tables: [], figures: [] };
  const tablesDir = join(out, "tables");
  for (const [id, table] of tables) {
    written.tables.push(await saveTable(paperTableFrame(table), `paper-${id}`, tablesDir));
  }
  for (const id of ["tempcompass", "videomme", "mlvu"]) {
    written.tables.push(await saveTable(deltaFrame(tables.get(id)!), `deltas-${id}`, tablesDir));
  }
  written.tables.push(await saveTable(claimsFrame(checkClaims(tables)), "paper-claims", tablesDir));
  try {
    for (const [name, fig] of Object.entries(resultsFigures(tables))) {
      onProgress?.({ note: `figure ${name}` });
      const saved = await saveFigure(fig, name, join(out, "figures"));
      written.figures.push(saved.png, saved.html);
    }
  } finally {
    await closeBrowser();
  }
  return written;
}
