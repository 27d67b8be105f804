import { parseCommandArgs } from "../cli-args";
import type { Command } from "./command";

const usage = `
Usage: npx t3kit results [--out DIR]

Writes the paper's reported results (TempCompass ablations, Video-MME, MLVU, probing,
Figure 6, correlations) as CSV tables and figures (PNG + interactive HTML).
`;

export const resultsCommand: Command = {
  name: "results",
  summary: "the paper's reported numbers as tables and figures",
  async run(argv) {
    parseCommandArgs(argv, { usage, options: { out: { type: "string" } } });
    throw new Error("not implemented yet");
  },
};
