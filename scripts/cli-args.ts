/**
 * Argument parsing shared by every `t3kit` command, on commander: each command states its
 * options and usage text once; `--help` prints that text (the README quotes it), usage
 * errors say which option was wrong, and integer options get real range checks.
 */
import type * as Commander from "commander";

// Loaded on first use: `t3kit --help` needs none of it.
function commander(): typeof Commander {
  return require("commander");
}

export { UsageError } from "./cli/usage-error";
import { UsageError } from "./cli/usage-error";

/** Thrown by a command to stop with --help output (exit 0). */
export class HelpShown extends Error {}

interface OptionSpec {
  type: "string" | "boolean";
  /** Repeatable: every value is kept, in order. */
  multiple?: boolean;
  /** A one-letter alias, e.g. "o" for -o. */
  short?: string;
}

type Options = Record<string, OptionSpec>;

export interface CommandArgsSpec<O extends Options> {
  usage: string;
  options: O;
  allowPositionals?: boolean;
}

type ValueOf<S extends OptionSpec> = S["type"] extends "boolean"
  ? S["multiple"] extends true
    ? boolean[]
    : boolean
  : S["multiple"] extends true
    ? string[]
    : string;

export interface ParsedArgs<O extends Options> {
  /** Option values under the flags' own names (`values["t3-dir"]`); absent when not given. */
  values: { [K in keyof O]?: ValueOf<O[K]> };
  positionals: string[];
}

function optionOf(name: string, spec: OptionSpec): Commander.Option {
  const { Option } = commander();
  const flags = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.type === "string" ? " <value>" : ""}`;
  const option = new Option(flags);
  if (spec.multiple) {
    option.argParser((value: string | boolean, previous: unknown[] | undefined) => [
      ...(previous ?? []),
      spec.type === "boolean" ? true : value,
    ]);
  }
  return option;
}

/** Commander's messages, in the words the kit's usage errors use. */
function usageMessage(err: Commander.CommanderError): string {
  const text = err.message.replace(/^error: /, "");
  if (err.code === "commander.unknownOption")
    return text.replace(/^unknown option/, "Unknown option");
  if (err.code === "commander.excessArguments") return `Unexpected argument: ${text}`;
  return text;
}

/** Parses `argv` against `spec`; prints the usage and throws HelpShown on --help. */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  spec: CommandArgsSpec<O>,
): ParsedArgs<O> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${spec.usage.trim()}\n`);
    throw new HelpShown();
  }
  // Commander reads a `--no-X` flag as "X is false", which would also erase a `--X VALUE`
  // option given beside it (eval textual has both --cache DIR and --no-cache): such flags
  // are taken out of argv here and reported under their own name.
  const negated = Object.keys(spec.options).filter(
    (name) => name.startsWith("no-") && spec.options[name].type === "boolean",
  );
  const given = negated.filter((name) => argv.includes(`--${name}`));
  const rest = argv.filter((a) => !negated.some((name) => a === `--${name}`));
  const { Command, CommanderError, Option } = commander();
  const parser = new Command()
    .exitOverride()
    .helpOption(false)
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .allowExcessArguments(spec.allowPositionals ?? false);
  if (spec.allowPositionals) parser.argument("[positionals...]");
  for (const [name, option] of Object.entries(spec.options))
    if (!negated.includes(name)) parser.addOption(optionOf(name, option));
  try {
    parser.parse(rest, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError)
      throw new UsageError(`${usageMessage(err)}\n\n${spec.usage.trim()}`);
    throw err;
  }
  const parsed = parser.opts();
  const values: Record<string, unknown> = {};
  for (const name of given) values[name] = true;
  for (const name of Object.keys(spec.options)) {
    if (negated.includes(name)) continue;
    const value = parsed[new Option(`--${name}`).attributeName()];
    if (value !== undefined) values[name] = value;
  }
  return { values: values as ParsedArgs<O>["values"], positionals: parser.args };
}

/** Parses a comma-separated list of positive integers, e.g. `--lengths 1,2,4,8`. */
export function parseIntList(name: string, value: string): number[] {
  return value.split(",").map((s) => parseIntInRange(name, s.trim(), { min: 1 }));
}

/** The bounds an integer option accepts (both inclusive). */
export interface IntRange {
  min?: number;
  max?: number;
}

/** Parses an integer option and checks it against `range`; `fallback` when not given. */
export function parseIntInRange(name: string, value: string, range: IntRange = {}): number {
  const n = Number(value);
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (value.trim() === "" || !Number.isSafeInteger(n) || n < min || n > max) {
    const bounds = range.max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(
      `--${name}: "${value}" is not an integer ${range.min === undefined && range.max === undefined ? "" : bounds}`.trim(),
    );
  }
  return n;
}

/** An integer option in `range`, or `fallback` when the flag was not given. */
export function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  range: IntRange = {},
): number {
  return value === undefined ? fallback : parseIntInRange(name, value, range);
}
