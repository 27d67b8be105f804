/**
 * The one check every command's paths go through before any work: `hub:` inputs are fetched
 * to their local copies, inputs must exist (a file where a file is wanted, a folder where a
 * folder is), an output folder must not be a file, and no output may be an input, lie inside
 * an input folder, or be another output of the same command. (Which files a run writes
 * inside an output folder is checked where it writes them.) Commands declare
 * their paths' roles (cli-options.ts); nothing here knows any command.
 */
import { resolve, sep } from "node:path";
import type { Argument, Command, Option } from "commander";
import { InputError } from "../../lib/errors/index";
import type * as Files from "../../lib/files/index";
import type * as Hub from "../../lib/hub/index";
import { type PathRole, isInputRole, isOutputRole, roleOf } from "./cli-options";
import { reportNotice, reportProgress } from "./progress-reporter";

/** One declared path of a parsed command, with where to put its checked value back. */
interface DeclaredPath {
  role: PathRole;
  label: string;
  value: string;
  set(value: string): void;
}

function declaredPaths(cmd: Command, args: unknown[]): DeclaredPath[] {
  const paths: DeclaredPath[] = [];
  const values = cmd.opts();
  for (const option of cmd.options as Option[]) {
    const role = roleOf(option);
    const key = option.attributeName();
    const value = values[key];
    // A path option may also be switched off (`--no-cache` leaves `cache` false).
    if (!role || (typeof value !== "string" && !Array.isArray(value))) continue;
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    list.forEach((v, i) =>
      paths.push({
        role,
        label: option.long ?? option.flags,
        value: v,
        set: (next) => {
          if (Array.isArray(value)) (value as string[])[i] = next;
          else cmd.setOptionValue(key, next);
        },
      }),
    );
  }
  (cmd.registeredArguments as Argument[]).forEach((argument, k) => {
    const role = roleOf(argument);
    const value = args[k];
    if (!role || value === undefined) return;
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    list.forEach((v, i) =>
      paths.push({
        role,
        label: argument.name(),
        value: v,
        set: (next) => {
          if (Array.isArray(value)) (value as string[])[i] = next;
          else args[k] = next;
        },
      }),
    );
  });
  return paths;
}

const inside = (path: string, folder: string) => resolve(path).startsWith(resolve(folder) + sep);

/** Whether `cmd` declares an output path (it then takes --force). */
export function hasOutputPaths(cmd: Command): boolean {
  const items = [...(cmd.options as Option[]), ...(cmd.registeredArguments as Argument[])];
  return items.some((item) => isOutputRole(roleOf(item)));
}

/**
 * Checks the declared paths of `cmd` (parsed, with its positional `args`), fetching `hub:`
 * inputs and writing their local paths back into the options and `args`. Returns the
 * inputs, for the output guard that checks every file the command then writes.
 */
export async function checkCommandPaths(
  cmd: Command,
  args: unknown[],
): Promise<Files.GuardedInput[]> {
  const paths = declaredPaths(cmd, args);
  if (paths.length === 0) return [];
  // The files floor loads when a command runs, not for --help.
  const {
    refuseOutputOverInput,
    requireInputFile,
    requireInputFolder,
    requireOutputFile,
    requireOutputFolder,
  }: typeof Files = require("../../lib/files/index");
  for (const p of paths) {
    if (isInputRole(p.role) && p.value.startsWith("hub:")) {
      // The Hub client loads only when a hub: path is given.
      const hub: typeof Hub = require("../../lib/hub/index");
      p.value = await hub.localInputPath(p.value, {
        onProgress: reportProgress,
        notice: reportNotice,
      });
      p.set(p.value);
    }
  }
  for (const p of paths) {
    if (p.role === "input-file") requireInputFile(p.value, p.label);
    else if (p.role === "input-folder" || p.role === "input-checkout")
      requireInputFolder(p.value, p.label);
    else if (p.role === "output-folder") requireOutputFolder(p.value, p.label);
    else if (p.role === "output-file") requireOutputFile(p.value, p.label);
  }
  const inputs = paths.filter((p) => isInputRole(p.role));
  const outputs = paths.filter((p) => isOutputRole(p.role));
  refuseOutputOverInput(
    outputs.map((o) => o.value),
    inputs.map((i) => i.value),
  );
  for (const o of outputs) {
    for (const i of inputs) {
      if (i.role !== "input-checkout" && inside(o.value, i.value))
        throw new InputError(
          { file: o.value },
          `${o.label} lies inside the input folder ${i.value} (${i.label}); writing there could replace an input. Nothing was read or written: choose another output path`,
        );
    }
  }
  for (const [k, a] of outputs.entries()) {
    for (const b of outputs.slice(k + 1)) {
      if (resolve(a.value) === resolve(b.value))
        throw new InputError(
          { file: a.value },
          `${a.label} and ${b.label} name the same place (${b.value}); one output would replace the other`,
        );
    }
  }
  return inputs.map((i) => ({
    path: i.value,
    label: i.label,
    outputsInside: i.role === "input-checkout",
  }));
}
