import { InputError } from "../../errors/index";
import type { LmmsEvalResults, LmmsEvalTask } from "./read-lmms-eval-results";
import type { LmmsEvalSamples } from "./read-lmms-eval-samples";
import { sampleBreakdown } from "./sample-accuracy";

// Recomputed and reported accuracies agree to float rounding; one question of Video-MME's
// 2,700 moves the score by 0.037 points, so 0.01 catches a samples file of another run.
const TOLERANCE = 0.01;

// A task's benchmark family: its variants (videomme_w_subtitle, mlvu_dev, tempcompass_yes_no)
// log the same per-sample records.
const familyOfTask = (task: string): string =>
  ["videomme", "mlvu", "tempcompass"].find((f) => task.startsWith(f)) ?? task;

function candidates(samples: LmmsEvalSamples, results: LmmsEvalResults[]) {
  const out: { results: LmmsEvalResults; task: LmmsEvalTask }[] = [];
  for (const r of results) {
    for (const t of r.tasks.values()) {
      const sameTask =
        samples.task !== null ? t.task === samples.task : familyOfTask(t.task) === samples.family;
      if (!sameTask) continue;
      if (samples.date !== null && r.date !== "" && r.date !== samples.date) continue;
      out.push({ results: r, task: t });
    }
  }
  return out;
}

/**
 * The results-file task a samples file belongs to, checked: same task (from the lmms-eval
 * file name, else the benchmark), same run date, as many questions as the results file
 * counted, the same `task_hashes` entry by either of lmms-eval's formulas (when the results
 * file keeps one and the samples their hashes), and the same overall score recomputed.
 * Any mismatch is refused, naming both files.
 */
export function matchSamplesToResults(
  samples: LmmsEvalSamples,
  results: LmmsEvalResults[],
): { results: LmmsEvalResults; task: LmmsEvalTask } {
  const file = samples.file;
  if (samples.task !== null && familyOfTask(samples.task) !== samples.family) {
    throw new InputError(
      { file },
      `named for task ${samples.task} but holds ${samples.family} samples`,
    );
  }
  const found = candidates(samples, results);
  const what = samples.task ?? samples.family;
  if (found.length === 0) {
    const from = results.map((r) => `${r.file} (${[...r.tasks.keys()].join(", ")})`).join("; ");
    throw new InputError(
      { file },
      `no results file among the inputs has task ${what}${samples.date ? ` from run ${samples.date}` : ""}: ${from || "no results file given"}`,
    );
  }
  if (found.length > 1) {
    throw new InputError(
      { file },
      `task ${what} is in several results files: ${found.map((f) => f.results.file).join(", ")}`,
    );
  }
  const { task } = found[0];
  if (task.n !== null && task.n !== samples.outcomes.length) {
    throw new InputError(
      { file, field: "doc_id" },
      `${samples.outcomes.length} samples, but ${found[0].results.file} counts ${task.n} for ${task.task} (field n-samples.${task.task}.effective)`,
    );
  }
  const kept = found[0].results.hashes.get(task.task);
  const mine = samples.hashes;
  if (kept !== undefined && kept !== "" && mine.length > 0 && !mine.includes(kept)) {
    throw new InputError(
      { file, field: "doc_hash" },
      `its samples hash to ${mine.map((h) => `${h.slice(0, 12)}…`).join(" or ")} (lmms-eval's task_hashes formulas), but ${found[0].results.file} has task_hashes.${task.task} ${kept.slice(0, 12)}…: not the same run`,
    );
  }
  const recomputed = sampleBreakdown(task.benchmark, samples.outcomes);
  for (const [dimension, reported] of task.values) {
    const mine = recomputed.find((b) => b.dimension === dimension);
    // TempCompass per-dimension values of lmms-eval may be wrong (TempCompass README); its
    // average is right, so only the average and overall scores are compared.
    if (!mine || (task.benchmark.startsWith("tempcompass") && dimension !== "avg")) continue;
    if (Math.abs(mine.value - reported) > TOLERANCE) {
      throw new InputError(
        { file, field: dimension },
        `recomputed ${mine.value.toFixed(4)} from the samples, but ${found[0].results.file} reports ${reported} for ${task.task}: not the same run`,
      );
    }
  }
  return found[0];
}
