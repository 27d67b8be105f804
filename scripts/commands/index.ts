/** Every `t3kit <stage>` command, in the order data flows. */
import type { Command } from "./command";
import { hubCommand } from "./hub";
import { mixCommand } from "./mix";
import { notebooksCommand } from "./notebooks";
import { resultsCommand } from "./results";
import { synthesizeCommand } from "./synthesize";
import { tokensCommand } from "./tokens";

export const commands: Command[] = [
  hubCommand,
  synthesizeCommand,
  mixCommand,
  tokensCommand,
  resultsCommand,
  notebooksCommand,
];
