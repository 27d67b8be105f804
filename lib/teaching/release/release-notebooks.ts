/**
 * `t3kit class release`: the students' copies of the lessons, written under `outDir` with
 * the teacher's file names (default out/class/release/).
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { declareInputs, makeOutputFolder, writeFileAtomic } from "../../files/index";
import type { Notebook } from "../../notebooks/index";
import { releaseNotebook } from "./release-notebook";

export interface ReleasedNotebook {
  notebook: string;
  path: string;
}

export async function releaseNotebooks(
  notebooks: string[],
  outDir: string,
): Promise<ReleasedNotebook[]> {
  // The teacher's notebooks are inputs: a release never writes over them.
  declareInputs(notebooks.map((path) => ({ path, label: "a teacher's notebook" })));
  makeOutputFolder(outDir);
  const released: ReleasedNotebook[] = [];
  for (const source of notebooks) {
    const nb = JSON.parse(readFileSync(source, "utf8")) as Notebook;
    const path = join(outDir, basename(source));
    await writeFileAtomic(path, `${JSON.stringify(releaseNotebook(nb), null, 1)}\n`);
    released.push({ notebook: basename(source, ".ipynb"), path });
  }
  return released;
}

export const releaseLine = (released: ReleasedNotebook[], outDir: string): string =>
  `released ${released.length} notebook${released.length === 1 ? "" : "s"} -> ${outDir}`;
