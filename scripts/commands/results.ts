import { resolve } from "node:path";
import type * as Results from "../../lib/paper-numbers/index";
import { outDir } from "../../lib/paths/index";
import { pathOption } from "../cli/cli-options";
import { reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";

export const resultsStage: Stage = {
  name: "results",
  summary: "the paper's reported numbers as tables and figures",
  define(cmd) {
    cmd
      .addOption(
        pathOption("--out <DIR>", "output folder (default: out/, or $T3KIT_OUT)", "output-folder"),
      )
      .addHelpText(
        "after",
        `
Writes the paper's reported results, from data/paper/, as tables and figures:
  DIR/tables/paper-*.csv      every reported table (TempCompass, Video-MME, MLVU, probing, Figure 6, correlation)
  DIR/tables/deltas-*.csv     each method minus the LongVA-7B baseline (computed)
  DIR/tables/paper-claims.csv the paper's statements checked against its tables
  DIR/figures/*.png, *.html   figures (PNG through headless Chromium, and interactive HTML)`,
      )
      .action(
        action<{ out?: string }>(async ({ out }) => {
          const root = out ? resolve(out) : outDir();
          // Loaded on use: lib/paper-numbers pulls in danfojs (about 1 s).
          const results: typeof Results = require("../../lib/paper-numbers/index");
          const report = await results.writeResultsReport(root, reportProgress);
          process.stdout.write(`${results.resultsReportLine(report, root)}\n`);
        }),
      );
  },
};
