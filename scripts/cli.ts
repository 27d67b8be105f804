/**
 * `npx t3kit <stage> …`: one entry for every stage of the kit, on commander. Each stage's
 * command lives in scripts/commands/<stage>.ts (a `Command`: name, summary, run) and only
 * calls lib/; it is loaded when it runs (scripts/commands/index.ts), and its arguments go
 * to it untouched.
 */
import type * as Commander from "commander";
import { InputError } from "../lib/errors/index";
import { endChildrenOnSignal, endingSignal } from "../lib/processes/index";
import { HelpShown, UsageError } from "./cli-args";
import type { Command } from "./commands/command";
import { commands } from "./commands/index";

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "t3kit: the Video-T3 notebook kit",
    "",
    "Usage: npx t3kit <stage> [options]     (npx t3kit <stage> --help for each)",
    "",
    "Stages:",
    ...lines,
    "",
  ].join("\n");
}

/** Runs one stage; its errors become exit codes: 2 for usage, 1 for input and the rest. */
async function runStage(command: Command, argv: string[]): Promise<number> {
  endChildrenOnSignal();
  try {
    return await command.run(argv);
  } catch (err) {
    if (err instanceof HelpShown) return 0;
    // Errors from children the signal handler is ending are not the user's to read.
    if (endingSignal()) return 1;
    if (err instanceof UsageError) {
      process.stderr.write(`t3kit ${command.name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`t3kit ${command.name}: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`t3kit ${command.name}: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    process.stdout.write(`${require("../package.json").version}\n`);
    return 0;
  }
  let code = 0;
  const { Command: Program, CommanderError } = require("commander") as typeof Commander;
  const program = new Program("t3kit")
    .exitOverride()
    .helpOption(false)
    .helpCommand(false)
    .enablePositionalOptions()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const command of commands) {
    program
      .command(command.name)
      .description(command.summary)
      .helpOption(false)
      .passThroughOptions()
      .allowUnknownOption()
      .argument("[args...]")
      .action(async (args: string[]) => {
        code = await runStage(command, args);
      });
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    process.stderr.write(`t3kit: unknown stage "${name}"\n\n${overview()}`);
    return 2;
  }
  return code;
}
