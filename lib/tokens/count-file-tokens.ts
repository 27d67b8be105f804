/**
 * Token counts of every record of a LLaVA JSON / JSONL or Video-T3 file, streamed in
 * order (lib/json's readers: a 1.6 GB array never becomes one string), counted on every
 * core. A T3 pair has no id or source: its id is its index and its source the file name.
 */
import { basename } from "node:path";
import { readRecords } from "../json/index";
import type { TokenCountRow } from "./count-record-tokens";
import { type ParallelCountOptions, countTokensParallel } from "./count-tokens-parallel";

/** Rows for each record of `path`, in file order. */
export function countFileTokens(
  path: string,
  options: Omit<ParallelCountOptions, "file"> = {},
): AsyncGenerator<TokenCountRow> {
  const defaultSource = options.defaultSource ?? basename(path).replace(/\.(jsonl?|json)$/i, "");
  return countTokensParallel(readRecords(path), { ...options, file: path, defaultSource });
}
