import { InputError } from "../../errors/index";
import type { EvaluationRow } from "../evaluation-row";

/**
 * The run's value for one benchmark dimension, or null. Where two files give one (lmms-eval's
 * per-dimension TempCompass number and the one recomputed from its samples), the recomputed
 * accuracy wins; two different values of equal standing are refused, naming both files.
 */
export function pickRunValue(
  rows: readonly EvaluationRow[],
  benchmark: string,
  dimension: string,
): number | null {
  const all = rows.filter((r) => r.benchmark === benchmark && r.dimension === dimension);
  if (all.length === 0) return null;
  const recomputed = all.filter((r) => r.metric === "accuracy");
  const best = recomputed.length > 0 ? recomputed : all;
  const values = new Set(best.map((r) => r.value));
  if (values.size > 1) {
    throw new InputError(
      { file: best.map((r) => r.source).join(" and "), field: `${benchmark}.${dimension}` },
      `run ${best[0].run} has ${values.size} different values: ${[...values]
        .map((v) => `${v} (${best.find((r) => r.value === v)?.source})`)
        .join(", ")}`,
    );
  }
  return best[0].value;
}
