import { join, resolve } from "node:path";
import { Option } from "commander";
import type * as Notebooks from "../../lib/notebooks/index";
import { outDir, projectRoot } from "../../lib/paths/index";
import type * as Teaching from "../../lib/teaching/index";
import { parseInteger, pathArgument, pathOption } from "../cli/cli-options";
import { reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";

// The classroom library loads every stage (exercises derive their answers from them): only
// inside actions.
const teaching = (): typeof Teaching => require("../../lib/teaching/index");
const notebooks = (): typeof Notebooks => require("../../lib/notebooks/index");

export const classStage: Stage = {
  name: "class",
  summary: "teaching: release students' copies of the lessons, grade filled notebooks",
  define(stage) {
    stage.addHelpText(
      "after",
      "\nA class: start Jupyter on notebooks/, hand out `class release`, collect, `class grade`.",
    );
    stage
      .command("release")
      .description(
        'writes the students\' copies: each solution region replaced by a stub that throws "not answered yet", outputs cleared',
      )
      .addArgument(
        pathArgument(
          "[NOTEBOOK...]",
          "teacher's notebooks (default: every notebook in notebooks/)",
          "input-file",
        ),
      )
      .addOption(
        pathOption(
          "--out <DIR>",
          "where the copies go (default: out/class/release/)",
          "output-folder",
        ),
      )
      .action(
        action<{ out?: string }>(async (f, files: string[]) => {
          const sources =
            files.length > 0
              ? files.map((p) => resolve(p))
              : notebooks().listNotebooks(join(projectRoot, "notebooks"));
          const out = f.out ? resolve(f.out) : join(outDir(), "class", "release");
          const lib = teaching();
          process.stdout.write(
            `${lib.releaseLine(await lib.releaseNotebooks(sources, out), out)}\n`,
          );
        }),
      );
    stage
      .command("grade")
      .description(
        "runs filled notebooks headless (a failing cell does not stop the rest) and scores each exercise",
      )
      .addArgument(pathArgument("<NOTEBOOK...>", "filled notebooks to grade", "input-file"))
      .addOption(
        new Option("--json", 'print {"notebooks": [{notebook, score, points, exercises}]}'),
      )
      .addOption(
        new Option("--timeout <S>", "per-cell timeout in seconds")
          .argParser(parseInteger({ min: 1 }))
          .default(600),
      )
      .action(
        action<{ json?: boolean; timeout: number }>(async (f, files: string[]) => {
          const lib = teaching();
          const scores = await lib.gradeNotebooks(
            files.map((p) => resolve(p)),
            {
              timeoutSeconds: f.timeout,
              onProgress: reportProgress,
            },
          );
          process.stdout.write(f.json ? lib.gradesJson(scores) : lib.gradesText(scores));
        }),
      );
  },
};
