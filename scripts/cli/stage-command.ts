/**
 * How a stage joins the `t3kit` program: its module (scripts/commands/<stage>.ts) exports a
 * `Stage` whose `define` adds its sub-commands and flags to a commander Command, and each
 * action is wrapped by `action`: the declared paths are checked (check-command-paths.ts),
 * then the handler runs, and what it returns is the exit code. A stage module imports
 * commander and light vocabulary only; the library loads inside its handlers, so
 * `t3kit --help` and every stage's help start fast.
 */
import type { Command } from "commander";
import type * as Files from "../../lib/files/index";
import { checkCommandPaths } from "./check-command-paths";
import { endProgress, reportNotice } from "./progress-reporter";

export interface Stage {
  name: string;
  /** One line, shown in `t3kit --help`. */
  summary: string;
  /** Adds the stage's flags, arguments, sub-commands and actions to `stage`. */
  define(stage: Command): void;
}

/** What a handler gets: the parsed options (paths checked, `hub:` fetched) and arguments. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing exits 0
export type Handler<O> = (opts: O, args: string[], cmd: Command) => Promise<number | void>;

/** The exit code of the action that ran (commander's parseAsync returns the program). */
let exitCode = 0;
export const lastExitCode = (): number => exitCode;

/**
 * Wraps a handler as a commander action: the paths are checked, then the handler runs as
 * one guarded run (lib/files' output guard), so every file it writes is checked against
 * the command's inputs and other outputs, and all of them are undone if it fails.
 */
export function action<O = Record<string, unknown>>(handler: Handler<O>) {
  return async (...received: unknown[]): Promise<void> => {
    const cmd = received[received.length - 1] as Command;
    const args = received.slice(0, cmd.registeredArguments.length);
    const inputs = await checkCommandPaths(cmd, args);
    const flat = args.flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a]));
    // The files floor loads when a command runs, not for --help.
    const { runWithOutputGuard }: typeof Files = require("../../lib/files/index");
    const force = cmd.opts().force === true;
    try {
      exitCode =
        (await runWithOutputGuard({ inputs, force, notice: reportNotice }, () =>
          handler(cmd.opts() as O, flat as string[], cmd),
        )) ?? 0;
      endProgress(true);
    } catch (err) {
      // A failed download's bar is closed, not drawn as if complete.
      endProgress(false);
      throw err;
    }
  };
}

/** `t3kit mix run`: the names from the program down to `cmd`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}
