/**
 * `npx t3kit …`: the program (cli/build-program.ts) run inside the one error boundary every
 * command goes through. Usage errors exit 2 and input errors 1, each as one line that names
 * the command and what was wrong; an error the kit did not expect is one line too, and the
 * stack is shown only when T3KIT_DEBUG is set. Children a command started end with it
 * (lib/processes).
 */
import type { Command, CommanderError } from "commander";
import { UserFacingError } from "../lib/errors/index";
import { endChildrenOnSignal, endingSignal } from "../lib/processes/index";
import { buildProgram } from "./cli/build-program";
import { commandPath, lastExitCode } from "./cli/stage-command";
import { UsageError } from "./cli/usage-error";
import { usageMessage } from "./cli/usage-message";

const isCommanderError = (err: unknown): err is CommanderError =>
  err instanceof Error &&
  typeof (err as CommanderError).code === "string" &&
  (err as CommanderError).code.startsWith("commander.");

export async function main(argv: string[]): Promise<number> {
  let reached: Command | undefined;
  const program = buildProgram((cmd) => {
    reached = cmd;
  });
  const where = () => commandPath(reached ?? program);
  // An interrupted run says so (never "failed in an unknown cell"); its outputs are undone.
  endChildrenOnSignal((signal) =>
    process.stderr.write(
      `\n${where()}: interrupted (${signal}); this run's outputs were not kept\n`,
    ),
  );
  if (argv.length === 0) {
    process.stdout.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return lastExitCode();
  } catch (err) {
    // Errors from children the signal handler is ending are not the user's to read.
    if (endingSignal()) return 1;
    if (isCommanderError(err)) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
      if (err.code === "commander.help") return 0;
      process.stderr.write(`${where()}: ${usageMessage(err.message)} (see ${where()} --help)\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${where()}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UserFacingError) {
      process.stderr.write(`${where()}: ${err.message}\n`);
      return 1;
    }
    const e = err as Error;
    if (process.env.T3KIT_DEBUG) process.stderr.write(`${e?.stack ?? String(err)}\n`);
    process.stderr.write(
      `${where()}: ${e?.message ?? String(err)}${process.env.T3KIT_DEBUG ? "" : " (set T3KIT_DEBUG=1 to see where)"}\n`,
    );
    return 1;
  }
}
