import { resolve } from "node:path";
import { outDir } from "../../lib/paths/index";
import { writeFrontPage } from "../../lib/report/index";
import { parseCommandArgs } from "../cli-args";
import type { Command } from "./command";

const usage = `
Usage: npx t3kit report [--out DIR]

Writes DIR/index.html (default out/, or $T3KIT_OUT): the paper's story stage by stage
(probing, synthesis, mixing, tokens, training, results, evaluation), each with its key
figure (PNG, linking to the interactive page), its tables (CSV), the executed notebook's
HTML, its manifests (seeds, sha256), its run time and the data source. A stage whose
notebook has not run is shown as "not run". \`t3kit notebooks\` (and \`make run\`) writes
it after the notebooks; this command rewrites it from what DIR holds.

Options:
  --out DIR   the output folder to describe (default: out/, or $T3KIT_OUT)
`;

export const reportCommand: Command = {
  name: "report",
  summary: "write out/index.html: every stage's figures, tables, notebooks, manifests, run times",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { usage, options: { out: { type: "string" } } });
    const out = values.out ? resolve(values.out) : outDir();
    const page = await writeFrontPage(out);
    const ran = page.stages.filter((s) => s.status === "ran").length;
    process.stdout.write(`${page.path} (${ran} of ${page.stages.length} stages ran)\n`);
    return 0;
  },
};
