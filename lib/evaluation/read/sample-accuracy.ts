import type { EvaluationRow, SampleOutcome } from "../evaluation-row";

/** Percent correct of a list of outcomes (0 for none is never asked: callers check n). */
export function percentCorrect(outcomes: readonly SampleOutcome[]): number {
  let correct = 0;
  for (const o of outcomes) if (o.correct) correct++;
  return (100 * correct) / outcomes.length;
}

/** Outcomes by breakdown group, groups in first-seen order. */
export function outcomesByGroup(outcomes: readonly SampleOutcome[]): Map<string, SampleOutcome[]> {
  const by = new Map<string, SampleOutcome[]>();
  for (const o of outcomes) {
    for (const g of o.groups) {
      const list = by.get(g);
      if (list) list.push(o);
      else by.set(g, [o]);
    }
  }
  return by;
}

/** MLVU's multiple-choice task types, whose mean is the paper's "Macro Avg" (Table 3). */
export const MLVU_MACRO_TYPES = ["tr", "ar", "needle_qa", "er", "plot_qa", "ao", "ac"];

/** Accuracy per group, plus the benchmark's overall numbers, as (dimension, value, n). */
export function sampleBreakdown(
  benchmark: string,
  outcomes: readonly SampleOutcome[],
): { dimension: string; value: number; n: number }[] {
  const out: { dimension: string; value: number; n: number }[] = [];
  const overall =
    benchmark === "mlvu" ? "micro_avg" : benchmark.startsWith("tempcompass") ? "avg" : "overall";
  out.push({ dimension: overall, value: percentCorrect(outcomes), n: outcomes.length });
  const groups = outcomesByGroup(outcomes);
  for (const [g, list] of groups)
    out.push({ dimension: g, value: percentCorrect(list), n: list.length });
  if (benchmark === "mlvu") {
    // The paper's mean is over all seven types; a partial run (--limit) has no such mean.
    const types = MLVU_MACRO_TYPES.filter((t) => groups.has(t));
    if (types.length === MLVU_MACRO_TYPES.length) {
      const mean = types.reduce((s, t) => s + percentCorrect(groups.get(t)!), 0) / types.length;
      out.push({
        dimension: "macro_avg",
        value: mean,
        n: types.reduce((s, t) => s + groups.get(t)!.length, 0),
      });
    }
  }
  return out;
}

/** Where recomputed accuracies came from: the row fields besides the numbers. */
export type RowProvenance = Pick<
  EvaluationRow,
  "run" | "benchmark" | "evaluator" | "version" | "settings" | "source"
>;

/** Breakdown entries (from sampleBreakdown) as tidy rows of recomputed accuracy. */
export function breakdownRows(
  breakdown: readonly { dimension: string; value: number; n: number }[],
  from: RowProvenance,
): EvaluationRow[] {
  return breakdown.map((b) => ({
    run: from.run,
    benchmark: from.benchmark,
    dimension: b.dimension,
    metric: "accuracy",
    value: b.value,
    n: b.n,
    evaluator: from.evaluator,
    version: from.version,
    settings: from.settings,
    source: from.source,
  }));
}
