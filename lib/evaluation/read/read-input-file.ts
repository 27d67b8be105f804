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

// The byte where UTF-8 decoding first failed: the first U+FFFD that the file's bytes do not
// spell themselves (EF BF BD).
function firstBadByte(bytes: Buffer, text: string): number {
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i), "utf8");
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return bytes.length;
}

/**
 * An input file's text (a `hub:` path is fetched first) and the local path it was read from.
 * Bytes that are not UTF-8 (the evaluators write UTF-8) are refused with their offset rather
 * than read as replacement characters.
 */
export async function readInputFile(file: string): Promise<{ path: string; text: string }> {
  const path = await localInputPath(file);
  const bytes = await readFile(path).catch(unreadable(path));
  const text = bytes.toString("utf8");
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      { file: path },
      `not valid UTF-8 (first bad byte at offset ${firstBadByte(bytes, text)})`,
    );
  }
  return { path, text };
}
