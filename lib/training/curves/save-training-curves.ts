/**
 * `t3kit train curves`: a run's curves (a folder, a log file, or a `hub:` path to either)
 * saved as `<out>/figures/training-curves-<name>.{png,html}`, where name is the log's
 * file name (or the folder's) made safe for a file name.
 */
import { basename, join, resolve } from "node:path";
import { InputError } from "../../errors/index";
import { outPath } from "../../paths/index";
import type * as Plots from "../../plots/index";
import { localTrainingInput } from "../plan/local-training-input";
import { type TrainingCurves, readTrainingCurves } from "./read-training-curves";
import { trainingCurvesFigure } from "./training-curves-figure";

export interface SavedCurves {
  curves: TrainingCurves;
  png: string;
  html: string;
}

/** `outRoot`: the folder whose figures/ gets the files (default: out/). */
export async function saveTrainingCurves(run: string, outRoot?: string): Promise<SavedCurves> {
  const local = await localTrainingInput(run);
  const curves = await readTrainingCurves(local);
  // An empty figure would look like a run that learnt nothing.
  if (curves.points.length === 0)
    throw new InputError(
      { file: curves.file },
      `no training points in this ${curves.format} (an empty log, or a run that has not logged yet); nothing was written`,
    );
  // Loaded on use: plotly and Chromium cost start-up time the other subcommands do not need.
  const { saveFigure } = require("../../plots/index") as typeof Plots;
  const name = `training-curves-${basename(resolve(local))
    .replace(/\.(jsonl?|json)$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")}`;
  const dir = outRoot ? join(resolve(outRoot), "figures") : outPath("figures");
  const saved = await saveFigure(trainingCurvesFigure(curves), name, dir);
  return { curves, png: saved.png, html: saved.html };
}

/** How many points from which log, the last loss, and the two files. */
export function formatSavedCurves(s: SavedCurves): string {
  const c = s.curves;
  const last = c.points.filter((p) => p.loss !== undefined).pop();
  return `${c.points.length} points from ${c.file} (${c.format})${last ? `; last loss ${last.loss} at step ${last.step}` : ""}${c.totalSteps ? ` of ${c.totalSteps}` : ""}\n-> ${s.png}\n-> ${s.html}\n`;
}
