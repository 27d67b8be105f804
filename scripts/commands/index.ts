/** Every `t3kit <stage>` command, in the order data flows. */
import type { Command } from "./command";
import { notebooksCommand } from "./notebooks";
import { resultsCommand } from "./results";
import { tokensCommand } from "./tokens";

export const commands: Command[] = [tokensCommand, resultsCommand, notebooksCommand];
