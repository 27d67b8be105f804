/**
 * The building blocks every `t3kit` command declares its flags with, on commander: paths that
 * carry their role (an input file or folder, an output file or folder), so one guard checks
 * them all before any work (check-command-paths.ts) and a test can aim outputs at inputs for
 * every command; and value parsers with real ranges, so `--seed -1` or `--workers x` is a
 * usage error naming the flag before anything runs.
 */
import { Argument, type Command, InvalidArgumentError, Option } from "commander";
import { UsageError } from "./usage-error";

/**
 * What a path flag or argument is to its command. `input` is an input the command itself
 * checks (a folder whose missing files it reports one by one, say): only outputs are kept
 * out of it. `input-checkout` is a folder that must exist and whose files are never
 * replaced, but in which outputs may be made (a run folder inside a LLaMA-Factory checkout).
 */
export type PathRole =
  | "input-file"
  | "input-folder"
  | "input-checkout"
  | "input"
  | "output-file"
  | "output-folder";

const roles = new WeakMap<Option | Argument, PathRole>();

/** The role a path option or argument was declared with, if any. */
export function roleOf(item: Option | Argument): PathRole | undefined {
  return roles.get(item);
}

export const isInputRole = (r: PathRole | undefined): boolean => r?.startsWith("input") === true;
export const isOutputRole = (r: PathRole | undefined): boolean => r?.startsWith("output") === true;

/** A path option, e.g. `pathOption("--captions <FILE>", "…", "input-file")`. */
export function pathOption(flags: string, description: string, role: PathRole): Option {
  const option = new Option(flags, description);
  roles.set(option, role);
  return option;
}

/** A path argument, e.g. `pathArgument("<spec>", "…", "input-file")`. */
export function pathArgument(name: string, description: string, role: PathRole): Argument {
  const argument = new Argument(name, description);
  roles.set(argument, role);
  return argument;
}

export interface Range {
  min?: number;
  max?: number;
}

function rangeText(range: Range): string {
  if (range.min !== undefined && range.max !== undefined)
    return `from ${range.min} to ${range.max}`;
  if (range.min !== undefined) return `at least ${range.min}`;
  if (range.max !== undefined) return `at most ${range.max}`;
  return "";
}

/** An integer in `range` (both ends inclusive). */
export function parseInteger(range: Range = {}): (value: string) => number {
  return (value) => {
    const n = Number(value);
    const ok =
      value.trim() !== "" &&
      Number.isSafeInteger(n) &&
      (range.min === undefined || n >= range.min) &&
      (range.max === undefined || n <= range.max);
    if (!ok) throw new InvalidArgumentError(`is not an integer ${rangeText(range)}`.trim());
    return n;
  };
}

/** A finite number in `range`; `above` excludes its bound. */
export function parseNumber(range: Range & { above?: number } = {}): (value: string) => number {
  return (value) => {
    const n = Number(value);
    const ok =
      value.trim() !== "" &&
      Number.isFinite(n) &&
      (range.min === undefined || n >= range.min) &&
      (range.max === undefined || n <= range.max) &&
      (range.above === undefined || n > range.above);
    if (!ok) {
      const bound = range.above !== undefined ? `above ${range.above}` : rangeText(range);
      throw new InvalidArgumentError(`is not a number ${bound}`.trim());
    }
    return n;
  };
}

/** A comma-separated list, each item read by `item`; an empty list is refused, never "all". */
export function parseList<T>(item: (value: string) => T): (value: string) => T[] {
  return (value) => {
    const parts = value.split(",").map((s) => s.trim());
    if (parts.some((p) => p === "")) throw new InvalidArgumentError("has an empty item");
    return parts.map((part) => {
      try {
        return item(part);
      } catch (err) {
        if (!(err instanceof InvalidArgumentError)) throw err;
        throw new InvalidArgumentError(`has "${part}", which ${err.message}`);
      }
    });
  };
}

/** One of `allowed` (for list items; single values use commander's `.choices()`). */
export function parseChoice<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value))
      throw new InvalidArgumentError(`is not one of ${allowed.join(", ")}`);
    return value as T;
  };
}

/** An integer option: `intOption("--seed <S>", "random seed", { min: 0 }, 42)`. */
export function intOption(
  flags: string,
  description: string,
  range: Range = {},
  defaultValue?: number,
): Option {
  const option = new Option(flags, description).argParser(parseInteger(range));
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/** A repeatable option: every value is kept, in order. */
export function repeatable(flags: string, description: string): Option {
  return new Option(flags, description).argParser((value: string, previous: string[] = []) => [
    ...previous,
    value,
  ]);
}

/**
 * Refuses two flags given together that would silently cancel (`--cache DIR --no-cache`:
 * commander keeps whichever came last). Read from the words typed, not the parsed values.
 */
export function refuseBoth(cmd: Command, a: string, b: string): void {
  let root = cmd;
  while (root.parent) root = root.parent;
  const typed = (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const given = (flag: string) => typed.some((w) => w === flag || w.startsWith(`${flag}=`));
  if (given(a) && given(b)) throw new UsageError(`${a} and ${b} together: give one of them`);
}
