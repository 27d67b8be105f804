/**
 * The tables the results report is built from. Checked before anything is written: a
 * missing data/paper file is named, rather than crashing with a TypeError half-way
 * through the report.
 */
import { join } from "node:path";
import { InputError } from "../errors/index";
import type { PaperTable } from "./paper-table";

export const REQUIRED_PAPER_TABLES = [
  "tempcompass",
  "videomme",
  "mlvu",
  "probing-longva",
  "probing-vila",
  "figure6a-tuned-parts",
  "figure6b-frame-gain",
  "correlation",
  "correlation-points",
] as const;

export function requirePaperTables(tables: Map<string, PaperTable>, dir: string): void {
  for (const id of REQUIRED_PAPER_TABLES) {
    if (!tables.has(id))
      throw new InputError(
        { file: join(dir, `${id}.json`) },
        "missing: the results report needs this table (restore it from the repository: git checkout -- data/paper)",
      );
  }
}
