import { resolve } from "node:path";
import type * as Results from "../../lib/paper-numbers/index";
import { outDir } from "../../lib/paths/index";
import { parseCommandArgs } from "../cli-args";
import { reportProgress } from "../report-progress";
import type { Command } from "./command";

const usage = `
Usage: npx t3kit results [--out DIR]

Writes the paper's reported results, from data/paper/, as tables and figures:
  DIR/tables/paper-*.csv      every reported table (TempCompass, Video-MME, MLVU, probing, Figure 6, correlation)
  DIR/tables/deltas-*.csv     each method minus the LongVA-7B baseline (computed)
  DIR/tables/paper-claims.csv the paper's statements checked against its tables
  DIR/figures/*.png, *.html   figures (PNG through headless Chromium, and interactive HTML)

Options:
  --out DIR   output folder (default: out/, or $T3KIT_OUT)
`;

// Loaded on use: lib/paper-numbers pulls in danfojs (about 1 s), which every other command would
// otherwise pay for at start-up.
function loadResults(): typeof Results {
  return require("../../lib/paper-numbers/index");
}

export const resultsCommand: Command = {
  name: "results",
  summary: "the paper's reported numbers as tables and figures",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { usage, options: { out: { type: "string" } } });
    const out = values.out ? resolve(values.out) : outDir();
    const report = await loadResults().writeResultsReport(out, (p) => reportProgress(p));
    process.stdout.write(
      `${report.tables.length} tables, ${report.figures.length / 2} figures -> ${out}\n`,
    );
    return 0;
  },
};
