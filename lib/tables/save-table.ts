import { join } from "node:path";
import type { DataFrame } from "danfojs-node";
import { writeFileAtomic } from "../files/index";
import { outPath } from "../paths/index";
import { csvText } from "./csv-text";

/** Writes `df` as `<dir>/<name>.csv` (default dir: out/tables), atomically. */
export async function saveTable(
  df: DataFrame,
  name: string,
  dir = outPath("tables"),
): Promise<string> {
  const path = join(dir, `${name}.csv`);
  await writeFileAtomic(path, csvText(df));
  return path;
}
