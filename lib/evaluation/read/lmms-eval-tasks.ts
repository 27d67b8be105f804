/**
 * How lmms-eval's task names and metric keys map onto the kit's benchmarks and dimensions.
 * Metric keys are `<metric>,<filter>` (lmms_eval/evaluator_utils.py). Video-MME's key was
 * spelled `videomme_percetion_score` until lmms-eval commit bb3fd824 (v0.3.0, "Fix
 * 'percetion' typo") and `videomme_perception_score` after; MLVU keeps the typo
 * (lmms_eval/tasks/mlvu/utils.py). Both spellings are read, and the one found is kept as
 * the row's metric.
 */

export interface TaskMetric {
  /** Accepted spellings of the key, newest first. */
  keys: string[];
  dimension: string;
}

export interface KnownTask {
  benchmark: string;
  /** Metrics that must be there: a results file without them is refused. */
  required: TaskMetric[];
}

const TEMPCOMPASS_DIMENSIONS = ["avg", "action", "direction", "speed", "order", "attribute_change"];

const tempCompass = (benchmark: string): KnownTask => ({
  benchmark,
  required: TEMPCOMPASS_DIMENSIONS.map((d) => ({ keys: [`${d}_accuracy,none`], dimension: d })),
});

const videommeScore = ["videomme_perception_score,none", "videomme_percetion_score,none"];
const mlvuScore = ["mlvu_percetion_score,none", "mlvu_perception_score,none"];

/**
 * The tasks the paper reports. MLVU's `mlvu` task (lmms-eval v0.2.4-v0.3.1) scores the micro
 * average over all questions; `mlvu_dev` (later) the mean of per-type accuracies.
 * TempCompass multi-choice is the format of the paper's table, so it is "tempcompass".
 */
export const KNOWN_TASKS: Record<string, KnownTask> = {
  videomme: { benchmark: "videomme", required: [{ keys: videommeScore, dimension: "overall" }] },
  mlvu: { benchmark: "mlvu", required: [{ keys: mlvuScore, dimension: "micro_avg" }] },
  mlvu_dev: { benchmark: "mlvu", required: [{ keys: mlvuScore, dimension: "macro_avg" }] },
  tempcompass_multi_choice: tempCompass("tempcompass"),
  tempcompass_yes_no: tempCompass("tempcompass_yes_no"),
  tempcompass_caption_matching: tempCompass("tempcompass_caption_matching"),
  tempcompass_captioning: tempCompass("tempcompass_captioning"),
};

/** The benchmark a task's rows go under; unknown tasks keep their own name. */
export function taskBenchmark(task: string): string {
  // lmms-eval's group `tempcompass` aggregates all four formats: not the paper's multi-choice.
  if (task === "tempcompass") return "tempcompass_all_formats";
  return KNOWN_TASKS[task]?.benchmark ?? task;
}

/** The dimension a metric key stands for: the known name, else the metric without filter. */
export function metricDimension(task: string, key: string): string {
  for (const m of KNOWN_TASKS[task]?.required ?? []) if (m.keys.includes(key)) return m.dimension;
  const metric = key.split(",")[0];
  // Variants of the paper's tasks (videomme_w_subtitle, mlvu_test) score the same way.
  if (/_perce(?:p)?tion_score$/.test(metric)) return "overall";
  return task.startsWith("tempcompass") ? metric.replace(/_accuracy$/, "") : metric;
}
