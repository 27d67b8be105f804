/** Every `t3kit <stage>` command, in the order data flows. */
import type { Command } from "./command";
import { mixCommand } from "./mix";
import { notebooksCommand } from "./notebooks";
import { resultsCommand } from "./results";

export const commands: Command[] = [mixCommand, resultsCommand, notebooksCommand];
