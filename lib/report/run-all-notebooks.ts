/**
 * `make run`'s work: every notebook (or those whose name holds one of `only`) executed
 * headless in order into `outRoot`, each run recorded in out/notebooks/runs.json, then the
 * front page written over what they made. A failing notebook stops the run; the front page
 * still shows what the notebooks before it made, and the NotebookError goes to the caller.
 */
import { join } from "node:path";
import { hubSourceSelected } from "../hub/index";
import {
  NotebookError,
  executeNotebook,
  listNotebooks,
  recordNotebookRun,
} from "../notebooks/index";
import { projectRoot } from "../paths/index";
import type { OnProgress } from "../progress/index";
import { type FrontPage, writeFrontPage } from "./write-front-page";

export interface NotebooksRunOptions {
  outRoot: string;
  only?: string[];
  /** Per cell, in seconds (nbconvert's ExecutePreprocessor.timeout; default 600). */
  timeoutSeconds?: number;
  /** A note as each notebook starts. */
  onProgress?: OnProgress;
  /** Each notebook that ran, as it ends (its name and seconds). */
  onNotebookRan?: (notebook: string, seconds: number) => void;
}

export interface NotebooksRun {
  notebooks: { notebook: string; seconds: number }[];
  seconds: number;
  page: FrontPage;
}

/** One notebook's line: its name and its run time. */
export const notebookTimeLine = (name: string, seconds: number): string =>
  `${name.padEnd(24)} ${seconds.toFixed(1).padStart(6)} s`;

export async function runAllNotebooks(o: NotebooksRunOptions): Promise<NotebooksRun> {
  const source = hubSourceSelected() ? "hub" : "embedded";
  const started = performance.now();
  const done: NotebooksRun["notebooks"] = [];
  for (const nb of listNotebooks(join(projectRoot, "notebooks"), o.only)) {
    o.onProgress?.({ note: `running ${nb} …` });
    try {
      const r = await executeNotebook(nb, {
        outRoot: o.outRoot,
        timeoutSeconds: o.timeoutSeconds ?? 600,
        env: { T3KIT_OUT: o.outRoot },
      });
      await recordNotebookRun(o.outRoot, r.notebook, { seconds: r.seconds, source });
      done.push({ notebook: r.notebook, seconds: r.seconds });
      o.onNotebookRan?.(r.notebook, r.seconds);
    } catch (err) {
      if (err instanceof NotebookError) await writeFrontPage(o.outRoot);
      throw err;
    }
  }
  const page = await writeFrontPage(o.outRoot);
  return { notebooks: done, seconds: (performance.now() - started) / 1000, page };
}

/** The run's last line: the total time and the front page. */
export const notebooksRunLine = (run: NotebooksRun): string =>
  `${notebookTimeLine("all notebooks", run.seconds)} -> ${run.page.path}`;
