/** All rows of a file's (or a folder's) token counts in one array, for notebooks and reports. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { isT3TrainingFile } from "../records/index";
import { countFileTokens } from "./count-file-tokens";
import type { TokenCountRow } from "./count-record-tokens";
import type { ParallelCountOptions } from "./workers/count-tokens-parallel";

/**
 * Counts every record of `path` (see countFileTokens) and returns the rows in order.
 * Notebook 04 calls it once per tokenizer and template.
 */
export async function collectTokenCounts(
  path: string,
  options: Omit<ParallelCountOptions, "file"> = {},
): Promise<TokenCountRow[]> {
  const rows: TokenCountRow[] = [];
  for await (const row of countFileTokens(path, options)) rows.push(row);
  return rows;
}

/**
 * Counts every T3 training file of `dir` (in name order; e.g. the 13 Video-T3-QA files,
 * whose pairs take their file's name as source) and returns all rows.
 */
export async function collectFolderTokenCounts(
  dir: string,
  options: Omit<ParallelCountOptions, "file"> = {},
): Promise<TokenCountRow[]> {
  const files = readdirSync(dir).filter(isT3TrainingFile).sort();
  const rows: TokenCountRow[] = [];
  for (const f of files) rows.push(...(await collectTokenCounts(join(dir, f), options)));
  return rows;
}
