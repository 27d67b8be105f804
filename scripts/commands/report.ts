import { resolve } from "node:path";
import { outDir } from "../../lib/paths/index";
import type * as Report from "../../lib/report/index";
import { pathOption } from "../cli/cli-options";
import { type Stage, action } from "../cli/stage-command";

export const reportStage: Stage = {
  name: "report",
  summary: "write out/index.html: every stage's figures, tables, notebooks, manifests, run times",
  define(cmd) {
    cmd
      .addOption(
        pathOption(
          "--out <DIR>",
          "the output folder to describe (default: out/, or $T3KIT_OUT)",
          "output-folder",
        ),
      )
      .addHelpText(
        "after",
        `
Writes DIR/index.html: the paper's story stage by stage (probing, synthesis, mixing, tokens,
training, results, evaluation), each with its key figure (PNG, linking to the interactive
page), its tables (CSV), the executed notebook's HTML, its manifests (seeds, sha256), its
run time and the data source. A stage whose notebook has not run is shown as "not run".
\`t3kit notebooks\` (and \`make run\`) writes it after the notebooks; this command rewrites it
from what DIR holds.`,
      )
      .action(
        action<{ out?: string }>(async ({ out }) => {
          const report: typeof Report = require("../../lib/report/index");
          const page = await report.writeFrontPage(out ? resolve(out) : outDir(), {
            refuseEmpty: true,
          });
          process.stdout.write(`${report.frontPageLine(page)}\n`);
        }),
      );
  },
};
