/**
 * Runs one notebook headless through Debian's Jupyter (nbconvert + the project-local tslab
 * kernelspec) and writes the executed notebook and its HTML rendering. Outputs are made
 * in a staging folder and renamed into place, so out/ keeps the last complete outputs when
 * a run fails. A small notebook takes 6-10 s (kernel start about 3.5 s).
 */
import { mkdir, readFile, rm, rmdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type * as Zx from "zx";

// zx loads with the first program run, not with the library (about 0.2 s).
const zx = (): typeof Zx => require("zx");
import { UserFacingError } from "../errors/index";
import { makeOutputFolder, placeOutput } from "../files/index";
import { projectRoot } from "../paths/index";
import {
  type Notebook,
  cellSource,
  cellStderr,
  codeCellNumber,
  failingCellIndex,
  timedOutAfter,
} from "./notebook-failure";
import { removeDeadStaging } from "./remove-dead-staging";

export const JUPYTER_PYTHON = "/usr/bin/python3";

/**
 * nbconvert's HTML template for out/html: JupyterLab's page without the RequireJS, MathJax
 * and widget scripts that Debian's nbconvert loads from file:///usr/share/javascript/ or a
 * CDN, so a page works from a copied out/ folder with no network.
 */
export const HTML_TEMPLATE_DIR = join(__dirname, "nbconvert-templates");
export const HTML_TEMPLATE = "t3kit-html";

export class NotebookError extends UserFacingError {
  constructor(
    readonly notebook: string,
    readonly cellNumber: number,
    readonly cellSourceText: string,
    readonly detail: string,
  ) {
    const where = cellNumber > 0 ? `code cell ${cellNumber}` : "an unknown cell";
    super(
      `notebook ${notebook} failed in ${where}:\n${indent(cellSourceText)}\n--- error ---\n${detail.trim()}`,
    );
    this.name = "NotebookError";
  }
}

const indent = (s: string) =>
  s
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");

export interface ExecuteOptions {
  /** Where executed notebooks go (`<outRoot>/notebooks`) and HTML (`<outRoot>/html`). */
  outRoot: string;
  timeoutSeconds?: number;
  /** Extra environment for the kernel (e.g. T3KIT_OUT, T3KIT_SOURCE). */
  env?: Record<string, string>;
}

export interface ExecuteResult {
  notebook: string;
  executedPath: string;
  htmlPath: string;
  seconds: number;
}

function jupyterEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    JUPYTER_PATH: join(projectRoot, ".jupyter-kernels"),
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
    ...extra,
  };
}

/** Executes `nbPath`; throws NotebookError naming the failing cell. */
export async function executeNotebook(nbPath: string, opts: ExecuteOptions): Promise<ExecuteResult> {
  const name = basename(nbPath, ".ipynb");
  await removeDeadStaging(join(opts.outRoot, ".staging"));
  const staging = join(opts.outRoot, ".staging", `${name}-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const env = jupyterEnv(opts.env);
  const timeout = opts.timeoutSeconds ?? 600;
  const started = performance.now();
  const jupyter = zx().$({ env, nothrow: true, quiet: true, cwd: projectRoot });
  try {
    const exec = await jupyter`${JUPYTER_PYTHON} -m jupyter nbconvert --to notebook --execute ${`--ExecutePreprocessor.timeout=${timeout}`} --ExecutePreprocessor.kernel_name=tslab --output-dir ${staging} ${nbPath}`;
    if (exec.exitCode !== 0) throw await describeFailure(nbPath, exec.stderr, staging, env);
    const executed = join(staging, `${name}.ipynb`);
    const html = await jupyter`${JUPYTER_PYTHON} -m jupyter nbconvert --to html ${`--TemplateExporter.extra_template_basedirs=${HTML_TEMPLATE_DIR}`} --template ${HTML_TEMPLATE} --output-dir ${staging} ${executed}`;
    if (html.exitCode !== 0) throw new Error(`rendering ${name} to HTML failed:\n${html.stderr}`);
    const seconds = (performance.now() - started) / 1000;
    const executedPath = join(opts.outRoot, "notebooks", `${name}.ipynb`);
    const htmlPath = join(opts.outRoot, "html", `${name}.html`);
    makeOutputFolder(join(opts.outRoot, "notebooks"));
    makeOutputFolder(join(opts.outRoot, "html"));
    placeOutput(executed, executedPath);
    placeOutput(join(staging, `${name}.html`), htmlPath);
    return { notebook: name, executedPath, htmlPath, seconds };
  } finally {
    await rm(staging, { recursive: true, force: true });
    // The shared .staging folder goes too once no run uses it (rmdir refuses a non-empty one).
    await rmdir(join(opts.outRoot, ".staging")).catch(() => undefined);
  }
}

/** Re-runs with --allow-errors to recover tslab's message for the failing cell. */
async function describeFailure(
  nbPath: string,
  nbconvertStderr: string,
  staging: string,
  env: Record<string, string | undefined>,
): Promise<NotebookError> {
  const name = basename(nbPath, ".ipynb");
  const nb = JSON.parse(await readFile(nbPath, "utf8")) as Notebook;
  const index = failingCellIndex(nb, nbconvertStderr);
  let detail = nbconvertStderr.split("\n").slice(-15).join("\n");
  const timeout = timedOutAfter(nbconvertStderr);
  if (timeout !== null) {
    // Re-running would only time out again: say so, with the limit to raise.
    const cellNo = index >= 0 ? codeCellNumber(nb, index) : 0;
    const src = index >= 0 ? cellSource(nb.cells[index]) : "";
    return new NotebookError(name, cellNo, src, `timed out after ${timeout} s (--timeout)`);
  }
  if (index >= 0) {
    const diag = join(staging, "diagnose");
    const rerun =
      await zx().$({ env, nothrow: true, quiet: true, cwd: projectRoot })`${JUPYTER_PYTHON} -m jupyter nbconvert --to notebook --execute --allow-errors --output-dir ${diag} ${nbPath}`;
    if (rerun.exitCode === 0) {
      const executed = JSON.parse(await readFile(join(diag, `${name}.ipynb`), "utf8")) as Notebook;
      const stderr = cellStderr(executed.cells[index]);
      if (stderr.trim() !== "") detail = stderr;
    }
  }
  const cellNo = index >= 0 ? codeCellNumber(nb, index) : 0;
  const src = index >= 0 ? cellSource(nb.cells[index]) : "";
  return new NotebookError(name, cellNo, src, detail);
}
