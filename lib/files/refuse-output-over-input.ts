/**
 * A command must never write over one of its own inputs: a mix named like its input, a
 * filter whose --out is its input, synthesis outputs named like the caption file. The
 * temp-then-rename write would replace the input silently. Compared by device and inode,
 * so a symlink or a hard link to an input is caught as well as the same path.
 */
import { realpathSync, statSync } from "node:fs";
import { InputError } from "../errors/index";
import { fileIdentity } from "./file-identity";

function realOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Throws an InputError naming the output and the input it would replace. */
export function refuseOutputOverInput(
  outputs: readonly string[],
  inputs: readonly string[],
  hint = "choose another output path",
): void {
  const byIdentity = new Map<string, string>();
  for (const input of inputs) {
    const id = fileIdentity(input);
    if (id) byIdentity.set(id, input);
  }
  if (byIdentity.size === 0) return;
  for (const output of outputs) {
    const id = fileIdentity(output);
    const input = id ? byIdentity.get(id) : undefined;
    if (input === undefined) continue;
    const same = realOf(output) === realOf(input) && output === input ? "" : ` (${realOf(input)})`;
    throw new InputError(
      { file: output },
      `this output is the input ${input}${same}; writing it would destroy the input. Nothing was read or written: ${hint}`,
    );
  }
}
