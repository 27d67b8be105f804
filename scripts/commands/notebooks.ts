import { join } from "node:path";
import { hubSourceSelected } from "../../lib/hub/index";
import {
  NotebookError,
  executeNotebook,
  listNotebooks,
  recordNotebookRun,
} from "../../lib/notebooks/index";
import { outDir, projectRoot } from "../../lib/paths/index";
import { writeFrontPage } from "../../lib/report/index";
import { parseCommandArgs } from "../cli-args";
import type { Command } from "./command";

const usage = `
Usage: npx t3kit notebooks [--only NAME]... [--timeout SECONDS]

Executes every notebook in notebooks/ headless, in order, on the embedded default data
(or the Hub with T3KIT_SOURCE=hub), and writes under out/ (or $T3KIT_OUT):
  out/notebooks/*.ipynb   executed notebooks, with outputs
  out/html/*.html         HTML renderings
  out/figures/            figures (PNG and interactive HTML), made by the notebooks
  out/tables/*.csv        tables, made by the notebooks
  out/notebooks/runs.json each notebook's run time and data source (embedded or hub)
  out/index.html          the front page over every stage (see \`t3kit report\`)
A failing notebook stops the run with a non-zero exit, naming the notebook and the cell;
out/ keeps the last complete outputs.

Options:
  --only NAME     run only notebooks whose file name contains NAME (repeatable)
  --timeout S     per-cell timeout in seconds (default 600)
`;

export const notebooksCommand: Command = {
  name: "notebooks",
  summary: "run every notebook headless into out/ (what `make run` calls)",
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      usage,
      options: {
        only: { type: "string", multiple: true },
        timeout: { type: "string" },
      },
    });
    const notebooks = listNotebooks(join(projectRoot, "notebooks"), values.only);
    const outRoot = outDir();
    const source = hubSourceSelected() ? "hub" : "embedded";
    const total = performance.now();
    for (const nb of notebooks) {
      if (process.stderr.isTTY) process.stderr.write(`running ${nb} …\r`);
      try {
        const r = await executeNotebook(nb, {
          outRoot,
          timeoutSeconds: values.timeout ? Number(values.timeout) : 600,
          env: { T3KIT_OUT: outRoot },
        });
        await recordNotebookRun(outRoot, r.notebook, { seconds: r.seconds, source });
        process.stdout.write(`${r.notebook.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s\n`);
      } catch (err) {
        if (err instanceof NotebookError) {
          process.stderr.write(`t3kit notebooks: ${err.message}\n`);
          // The front page still shows what the notebooks before this one made.
          await writeFrontPage(outRoot);
          return 1;
        }
        throw err;
      }
    }
    const page = await writeFrontPage(outRoot);
    const secs = (performance.now() - total) / 1000;
    process.stdout.write(
      `${"all notebooks".padEnd(24)} ${secs.toFixed(1).padStart(6)} s -> ${page.path}\n`,
    );
    return 0;
  },
};
