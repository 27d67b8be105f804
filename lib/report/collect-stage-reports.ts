/**
 * What each stage of the catalogue left in out/: its executed notebook and HTML, run time,
 * data source, figures, tables and manifests. Reads only; a stage that has not run is
 * reported as such, never an error.
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { type NotebookRun, notebookRunOf, readNotebookRuns } from "../notebooks/index";
import { findOutFiles } from "./find-out-files";
import { type ManifestFacts, manifestFacts } from "./manifest-facts";
import type { StageEntry } from "./stage-catalogue";

export interface FigureFiles {
  name: string;
  /** Paths relative to out/; either may be missing. */
  png?: string;
  html?: string;
}

export interface ManifestSummary {
  path: string;
  facts?: ManifestFacts;
  /** Why no facts could be read (not JSON, too large). */
  problem?: string;
}

export type StageStatus = "ran" | "not run" | "notebook not in this tree";

export interface StageReport {
  entry: StageEntry;
  status: StageStatus;
  /** out/html/<notebook>.html and out/notebooks/<notebook>.ipynb, relative to out/. */
  html?: string;
  executed?: string;
  run?: NotebookRun;
  /** The "Data: …" line the notebook's first cells printed. */
  dataLine?: string;
  keyFigure?: FigureFiles;
  figures: FigureFiles[];
  tables: string[];
  manifests: ManifestSummary[];
}

/** Manifests are small records; a larger file is listed but not read. */
const MAX_MANIFEST_BYTES = 16 << 20;

const stem = (notebook: string) => basename(notebook, ".ipynb");

const belongs = (entry: StageEntry, name: string, exact: readonly string[]) =>
  exact.includes(name) || entry.prefixes.some((p) => name.startsWith(p));

/** The figures of out/figures (PNG and/or HTML) by name. */
async function figureFiles(outRoot: string): Promise<FigureFiles[]> {
  const byName = new Map<string, FigureFiles>();
  for (const path of await findOutFiles(outRoot, ["figures/*.png", "figures/*.html"])) {
    const file = path.slice("figures/".length);
    const ext = file.endsWith(".png") ? "png" : "html";
    const name = file.slice(0, -(ext.length + 1));
    const f = byName.get(name) ?? { name };
    f[ext] = path;
    byName.set(name, f);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The catalogue's key figure when it has a PNG, else the first of the stage's with one. */
export function pickKeyFigure(entry: StageEntry, figures: FigureFiles[]): FigureFiles | undefined {
  const withPng = figures.filter((f) => f.png);
  return (
    withPng.find((f) => f.name === entry.keyFigure) ??
    withPng.find((f) => entry.figures.includes(f.name)) ??
    withPng.find((f) => entry.prefixes.some((p) => f.name.startsWith(p)))
  );
}

async function summarizeManifest(outRoot: string, path: string): Promise<ManifestSummary> {
  const file = join(outRoot, path);
  if ((await stat(file)).size > MAX_MANIFEST_BYTES) {
    return { path, problem: "larger than 16 MiB, not summarised" };
  }
  try {
    return { path, facts: manifestFacts(JSON.parse(await readFile(file, "utf8"))) };
  } catch (err) {
    return { path, problem: `not valid JSON (${(err as Error).message})` };
  }
}

interface StreamOutput {
  output_type?: string;
  text?: string | string[];
}

/** The first "Data: …" line printed by the executed notebook's first two code cells. */
export function notebookDataLine(executed: unknown): string | undefined {
  const cells = (executed as { cells?: Array<{ cell_type?: string; outputs?: StreamOutput[] }> })
    ?.cells;
  if (!Array.isArray(cells)) return undefined;
  for (const cell of cells.filter((c) => c?.cell_type === "code").slice(0, 2)) {
    for (const out of Array.isArray(cell.outputs) ? cell.outputs : []) {
      if (out?.output_type !== "stream") continue;
      const text = Array.isArray(out.text) ? out.text.join("") : String(out.text ?? "");
      const line = text.split("\n").find((l) => l.startsWith("Data: "));
      if (line) return line.trim();
    }
  }
  return undefined;
}

async function readDataLine(file: string): Promise<string | undefined> {
  try {
    return notebookDataLine(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return undefined;
  }
}

/** One report per catalogue entry, in catalogue order. */
export async function collectStageReports(
  outRoot: string,
  catalogue: readonly StageEntry[],
  notebooksDir: string,
): Promise<StageReport[]> {
  const runs = await readNotebookRuns(outRoot);
  const figures = await figureFiles(outRoot);
  const tables = (await findOutFiles(outRoot, ["tables/*.csv"])).map((p) => ({
    path: p,
    name: p.slice("tables/".length, -".csv".length),
  }));
  const reports: StageReport[] = [];
  for (const entry of catalogue) {
    const name = stem(entry.notebook);
    const [html] = await findOutFiles(outRoot, [`html/${name}.html`]);
    const [executed] = await findOutFiles(outRoot, [`notebooks/${name}.ipynb`]);
    const inTree = existsSync(join(notebooksDir, entry.notebook));
    const stageFigures = figures.filter((f) => belongs(entry, f.name, entry.figures));
    const manifests: ManifestSummary[] = [];
    for (const path of await findOutFiles(outRoot, entry.manifests)) {
      manifests.push(await summarizeManifest(outRoot, path));
    }
    reports.push({
      entry,
      status: html ? "ran" : inTree ? "not run" : "notebook not in this tree",
      html,
      executed,
      run: notebookRunOf(runs, name),
      dataLine: executed ? await readDataLine(join(outRoot, executed)) : undefined,
      keyFigure: pickKeyFigure(entry, stageFigures),
      figures: stageFigures,
      tables: tables.filter((t) => belongs(entry, t.name, entry.tables)).map((t) => t.path),
      manifests,
    });
  }
  return reports;
}
