/** Every `t3kit <stage>` command, in the order data flows. */
import type { Command } from "./command";
import { hubCommand } from "./hub";
import { notebooksCommand } from "./notebooks";
import { resultsCommand } from "./results";
import { synthesizeCommand } from "./synthesize";

export const commands: Command[] = [
  hubCommand,
  synthesizeCommand,
  resultsCommand,
  notebooksCommand,
];
