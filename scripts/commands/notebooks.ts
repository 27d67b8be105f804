import { Option } from "commander";
import { outDir } from "../../lib/paths/index";
import type * as Report from "../../lib/report/index";
import { parseInteger, repeatable } from "../cli/cli-options";
import { type Stage, action } from "../cli/stage-command";

export const notebooksStage: Stage = {
  name: "notebooks",
  summary: "run every notebook headless into out/ (what `make run` calls)",
  define(cmd) {
    cmd
      .addOption(
        repeatable(
          "--only <NAME>",
          "run only notebooks whose file name contains NAME (repeatable)",
        ),
      )
      .addOption(
        new Option("--timeout <S>", "per-cell timeout in seconds")
          .argParser(parseInteger({ min: 1 }))
          .default(600),
      )
      .addHelpText(
        "after",
        `
Executes every notebook in notebooks/ headless, in order, on the embedded default data
(or the Hub with T3KIT_SOURCE=hub), and writes under out/ (or $T3KIT_OUT):
  out/notebooks/*.ipynb   executed notebooks, with outputs
  out/html/*.html         HTML renderings
  out/figures/            figures (PNG and interactive HTML), made by the notebooks
  out/tables/*.csv        tables, made by the notebooks
  out/notebooks/runs.json each notebook's run time and data source (embedded or hub)
  out/index.html          the front page over every stage (see \`t3kit report\`)
A failing notebook stops the run with a non-zero exit, naming the notebook and the cell;
out/ keeps the last complete outputs.`,
      )
      .action(
        action<{ only?: string[]; timeout: number }>(async ({ only, timeout }) => {
          const report: typeof Report = require("../../lib/report/index");
          const run = await report.runAllNotebooks({
            outRoot: outDir(),
            only,
            timeoutSeconds: timeout,
            onProgress: (p) => {
              if (process.stderr.isTTY) process.stderr.write(`${p.note}\r`);
            },
            onNotebookRan: (name, seconds) =>
              process.stdout.write(`${report.notebookTimeLine(name, seconds)}\n`),
          });
          process.stdout.write(`${report.notebooksRunLine(run)}\n`);
        }),
      );
  },
};
