/**
 * Argument parsing shared by every `t3kit` command: node's own util.parseArgs, plus
 * `--help` text and usage errors that say which option was wrong.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Thrown by a command to stop with --help output (exit 0). */
export class HelpShown extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandArgsSpec<O extends Options> {
  usage: string;
  options: O;
  allowPositionals?: boolean;
}

/** Parses `argv` against `spec`; prints the usage and throws HelpShown on --help. */
export function parseCommandArgs<O extends Options>(argv: string[], spec: CommandArgsSpec<O>) {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${spec.usage.trim()}\n`);
    throw new HelpShown();
  }
  try {
    return parseArgs({
      args: argv,
      options: spec.options,
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${spec.usage.trim()}`);
  }
}

/** Parses a comma-separated list of positive integers, e.g. `--lengths 1,2,4,8`. */
export function parseIntList(name: string, value: string): number[] {
  return value.split(",").map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n <= 0) {
      throw new UsageError(`--${name}: "${s}" is not a positive integer`);
    }
    return n;
  });
}

/** Parses an integer option with a range check. */
export function parseIntOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name}: "${value}" is not an integer`);
  return n;
}
