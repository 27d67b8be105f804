/**
 * `t3kit class grade`: runs filled notebooks headless with nbconvert's --allow-errors (a
 * failing cell does not stop the rest), then scores each graded test cell. Nothing is kept:
 * the executed copies live in a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type * as Zx from "zx";
import { JUPYTER_PYTHON, type Notebook } from "../../notebooks/index";
import { projectRoot } from "../../paths/index";
import type { OnProgress } from "../../progress/index";
import { type NotebookScore, scoreNotebook } from "./score-notebook";

// zx loads with the first run, not with the library.
const zx = (): typeof Zx => require("zx");

export interface GradeOptions {
  timeoutSeconds?: number;
  onProgress?: OnProgress;
}

async function runAllowingErrors(nbPath: string, dir: string, timeout: number): Promise<Notebook> {
  const env = {
    ...process.env,
    JUPYTER_PATH: join(projectRoot, ".jupyter-kernels"),
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  const run = await zx().$({
    env,
    nothrow: true,
    quiet: true,
    cwd: projectRoot,
  })`${JUPYTER_PYTHON} -m jupyter nbconvert --to notebook --execute --allow-errors ${`--ExecutePreprocessor.timeout=${timeout}`} --ExecutePreprocessor.kernel_name=tslab --output-dir ${dir} ${nbPath}`;
  if (run.exitCode !== 0) {
    throw new Error(
      `grading ${basename(nbPath)}: nbconvert failed:\n${run.stderr.split("\n").slice(-8).join("\n")}`,
    );
  }
  return JSON.parse(readFileSync(join(dir, basename(nbPath)), "utf8")) as Notebook;
}

export async function gradeNotebooks(
  notebooks: string[],
  o: GradeOptions = {},
): Promise<NotebookScore[]> {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-grade-"));
  try {
    const scores: NotebookScore[] = [];
    for (const [i, nbPath] of notebooks.entries()) {
      const name = basename(nbPath, ".ipynb");
      o.onProgress?.({ done: i, total: notebooks.length, note: `grading ${name}` });
      scores.push(
        scoreNotebook(name, await runAllowingErrors(nbPath, dir, o.timeoutSeconds ?? 600)),
      );
    }
    return scores;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
