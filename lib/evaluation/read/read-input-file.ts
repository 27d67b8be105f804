import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { InputError } from "../../errors/index";
import { localInputPath } from "../../hub/index";

function unreadable(file: string) {
  return (err: NodeJS.ErrnoException): never => {
    throw new InputError({ file }, `cannot read: ${err.code ?? err.message}`);
  };
}

/**
 * An evaluation input as a readable local path: a `hub:` path (as every stage takes) is
 * fetched into the Hub cache first; a file that cannot be read is an InputError naming it.
 */
export async function inputFilePath(file: string): Promise<string> {
  const path = await localInputPath(file);
  await access(path, constants.R_OK).catch(unreadable(path));
  return path;
}

/** An input file's text (a `hub:` path is fetched first) and the local path it was read from. */
export async function readInputFile(file: string): Promise<{ path: string; text: string }> {
  const path = await localInputPath(file);
  const text = await readFile(path, "utf8").catch(unreadable(path));
  return { path, text };
}
