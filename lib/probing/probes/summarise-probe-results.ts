/**
 * Mean and standard deviation over seeds of validation accuracy, per aspect and per aspect
 * group (Order = order + order_3, Attribute = blooming + brightness, Referring, Grounding:
 * a group's accuracy for a seed is the mean of its aspects' accuracies for that seed, the
 * pooling the paper's figure appears to use). The standard deviation is the population one
 * (numpy's default `np.std`); a single seed gives 0.
 */
import { ASPECT_GROUPS, type AspectGroup, probingAspect } from "../aspects/probing-aspects";
import type { ProbeResult } from "./run-probing-study";
import type { ProbeKind } from "./train-probe";

export interface ProbeSummaryRow {
  /** An aspect name, or a group name for group rows. */
  name: string;
  kind: "aspect" | "group";
  probe: ProbeKind;
  seeds: number;
  /** Percent. */
  mean: number;
  std: number;
}

function meanStd(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

export function summariseProbeResults(results: ProbeResult[]): ProbeSummaryRow[] {
  const rows: ProbeSummaryRow[] = [];
  const probes = [...new Set(results.map((r) => r.probe))];
  for (const probe of probes) {
    const mine = results.filter((r) => r.probe === probe);
    const aspects = [...new Set(mine.map((r) => r.aspect))];
    for (const aspect of aspects) {
      const values = mine.filter((r) => r.aspect === aspect).map((r) => r.accuracy * 100);
      rows.push({ name: aspect, kind: "aspect", probe, seeds: values.length, ...meanStd(values) });
    }
    for (const group of ASPECT_GROUPS) {
      const members = aspects.filter((a) => probingAspect(a).group === (group as AspectGroup));
      if (members.length === 0) continue;
      const seeds = [...new Set(mine.map((r) => r.seed))];
      const perSeed = seeds.map((seed) => {
        const accs = members.map(
          (a) => mine.find((r) => r.aspect === a && r.seed === seed)?.accuracy,
        );
        if (accs.some((x) => x === undefined))
          throw new Error(`${probe} probe: seed ${seed} is missing for some ${group} aspects`);
        return (100 * (accs as number[]).reduce((a, b) => a + b, 0)) / accs.length;
      });
      rows.push({ name: group, kind: "group", probe, seeds: perSeed.length, ...meanStd(perSeed) });
    }
  }
  return rows;
}
