/**
 * The run log of `t3kit notebooks`: how long each notebook took and which data it read,
 * kept in out/notebooks/runs.json so that the front page (out/index.html) can show it.
 * A run of some notebooks (`--only`) updates their entries and keeps the others'.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors/index";
import { writeFileAtomic } from "../files/index";
import { isJsonObject } from "../json/index";

/** Where the notebooks' data came from: the embedded default or the released Hub files. */
export type NotebookDataSource = "embedded" | "hub";

export interface NotebookRun {
  /** Wall time of execution and HTML rendering, in seconds (one decimal). */
  seconds: number;
  source: NotebookDataSource;
}

export interface NotebookRuns {
  tool: "t3kit notebooks";
  /** By notebook name without extension, e.g. "02-t3-synthesis". */
  runs: Record<string, NotebookRun>;
}

/** out/notebooks/runs.json under `outRoot`. */
export const notebookRunsPath = (outRoot: string): string =>
  join(outRoot, "notebooks", "runs.json");

/** Checks a parsed runs file; errors name the file and the field. */
export function parseNotebookRuns(value: unknown, file: string): NotebookRuns {
  if (!isJsonObject(value)) throw new InputError({ file }, "expected a JSON object");
  if (!isJsonObject(value.runs)) throw new InputError({ file, field: "runs" }, "expected an object");
  const runs: Array<[string, NotebookRun]> = [];
  for (const [name, run] of Object.entries(value.runs)) {
    const field = `runs[${JSON.stringify(name)}]`;
    if (!isJsonObject(run)) throw new InputError({ file, field }, "expected an object");
    const { seconds, source } = run;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      throw new InputError({ file, field: `${field}.seconds` }, "expected seconds (a number ≥ 0)");
    }
    if (source !== "embedded" && source !== "hub") {
      throw new InputError({ file, field: `${field}.source` }, 'expected "embedded" or "hub"');
    }
    runs.push([name, { seconds, source }]);
  }
  // fromEntries defines own properties: a notebook named "__proto__" stays an entry.
  return { tool: "t3kit notebooks", runs: Object.fromEntries(runs) };
}

/** The run of `notebook` in `runs`, if one is recorded (own entries only). */
export const notebookRunOf = (runs: NotebookRuns, notebook: string): NotebookRun | undefined =>
  Object.prototype.hasOwnProperty.call(runs.runs, notebook) ? runs.runs[notebook] : undefined;

/** The runs recorded under `outRoot`; none when the file does not exist. */
export async function readNotebookRuns(outRoot: string): Promise<NotebookRuns> {
  const file = notebookRunsPath(outRoot);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { tool: "t3kit notebooks", runs: {} };
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InputError({ file }, `not valid JSON (${(err as Error).message})`);
  }
  return parseNotebookRuns(parsed, file);
}

/** Records one notebook's run, keeping the others' (names sorted, so the bytes are stable). */
export async function recordNotebookRun(
  outRoot: string,
  notebook: string,
  run: NotebookRun,
): Promise<NotebookRuns> {
  const current = await readNotebookRuns(outRoot);
  const entry: NotebookRun = { seconds: Math.round(run.seconds * 10) / 10, source: run.source };
  const others = Object.entries(current.runs).filter(([name]) => name !== notebook);
  const sorted = [...others, [notebook, entry] as [string, NotebookRun]].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const next: NotebookRuns = { tool: "t3kit notebooks", runs: Object.fromEntries(sorted) };
  // The other notebooks' entries are kept: a merge, taken once per notebook of a run.
  await writeFileAtomic(notebookRunsPath(outRoot), `${JSON.stringify(next, null, 2)}\n`, {
    merged: true,
  });
  return next;
}
