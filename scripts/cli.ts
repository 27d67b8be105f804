/**
 * `npx t3kit <stage> …`: one entry for every stage of the kit. Each stage's command
 * lives in scripts/commands/<stage>.ts and only calls lib/.
 */
import { InputError } from "../lib/errors";
import { endChildrenOnSignal, endingSignal } from "../lib/processes/index";
import { HelpShown, UsageError } from "./cli-args";
import { commands } from "./commands";

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

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    process.stdout.write(`${require("../package.json").version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`t3kit: unknown stage "${name}"\n\n${overview()}`);
    return 2;
  }
  endChildrenOnSignal();
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof HelpShown) return 0;
    // Errors from children the signal handler is ending are not the user's to read.
    if (endingSignal()) return 1;
    if (err instanceof UsageError) {
      process.stderr.write(`t3kit ${name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`t3kit ${name}: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`t3kit ${name}: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
