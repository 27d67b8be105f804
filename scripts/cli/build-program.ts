/**
 * The one `t3kit` program: a commander Command per stage and per sub-command, with generated
 * help (`t3kit --help`, `t3kit <stage> --help`, `t3kit help <stage>`), the version, and the
 * stages in the order data flows (scripts/commands/index.ts).
 */
import { Command } from "commander";
import { stages } from "../commands/index";
import { hasOutputPaths } from "./check-command-paths";

export const PROGRAM = "t3kit";

function version(): string {
  return (require("../../package.json") as { version: string }).version;
}

/** Every command of the program, depth first: the program, each stage, each sub-command. */
export function allCommands(program: Command): Command[] {
  return [program, ...(program.commands as Command[]).flatMap((c) => allCommands(c))];
}

/** The program, with `reached` told of each command as commander descends into it. */
export function buildProgram(reached: (cmd: Command) => void = () => {}): Command {
  const program = new Command(PROGRAM)
    .description("the Video-T3 notebook kit: every stage of the paper from the command line")
    .version(version(), "-V, --version", "print the kit's version")
    .helpOption("-h, --help", "show help for a command")
    .helpCommand("help [stage]", "show help for a stage")
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false })
    .showSuggestionAfterError(true)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  program.addHelpText(
    "after",
    "\nEach stage explains itself: npx t3kit <stage> --help (or npx t3kit help <stage>).",
  );
  for (const stage of stages) {
    // `t3kit help <stage>` is the one help command; a stage's own is its --help.
    const cmd = program.command(stage.name).description(stage.summary).helpCommand(false);
    stage.define(cmd);
  }
  for (const cmd of allCommands(program)) {
    // One flag, on every command that writes: existing files the kit did not write are
    // replaced only when asked (they are still put back if the run fails).
    if (hasOutputPaths(cmd) && !cmd.options.some((o) => o.long === "--force"))
      cmd.option("--force", "replace existing files t3kit did not write");
    cmd.exitOverride().configureOutput({ outputError: () => {} });
    cmd.hook("preSubcommand", (_parent, sub) => reached(sub));
  }
  return program;
}
