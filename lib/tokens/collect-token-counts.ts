import { countFileTokens } from "./count-file-tokens";
/** All rows of a file's token counts in one array (for notebooks and reports). */
import type { TokenCountRow } from "./count-record-tokens";
import type { ParallelCountOptions } from "./count-tokens-parallel";

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
