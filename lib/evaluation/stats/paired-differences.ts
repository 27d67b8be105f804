import { InputError } from "../../errors/index";
import { pickRunValue } from "../compare/pick-run-value";
import type { EvaluationRow, IngestedRun, SampleOutcome } from "../evaluation-row";
import { MLVU_MACRO_TYPES } from "../read/sample-accuracy";
import { mcnemarExactP } from "./mcnemar-exact";
import {
  type BootstrapOptions,
  type PairedOutcome,
  pairedBootstrap,
  stratifiedDifference,
} from "./paired-bootstrap";

/** A run's accuracy minus the baseline run's, on one benchmark dimension. */
export interface PairedDifference {
  benchmark: string;
  dimension: string;
  run: string;
  baseline: string;
  /** Questions both runs answered (null with aggregate numbers only). */
  n: number | null;
  runValue: number;
  baselineValue: number;
  /** run - baseline, in points. */
  difference: number;
  /** Bootstrap interval of the difference; null when no per-question results exist. */
  low: number | null;
  high: number | null;
  /** Exact McNemar p-value (plain accuracies only; null for macro averages or aggregates). */
  mcnemarP: number | null;
  /** Why there is no interval, or how it was computed. */
  note: string;
}

const OVERALL = new Set(["overall", "avg", "micro_avg"]);

function pairOutcomes(benchmark: string, run: IngestedRun, base: IngestedRun) {
  const a = run.samples.get(benchmark)!;
  const b = new Map(base.samples.get(benchmark)!.map((o) => [o.key, o]));
  const pairs: { outcome: SampleOutcome; paired: PairedOutcome }[] = [];
  for (const o of a) {
    const other = b.get(o.key);
    if (!other) {
      throw new InputError(
        { file: `run ${run.run}`, field: `${benchmark} question ${o.key}` },
        `not answered in run ${base.run}: runs must cover the same questions (${a.length} vs ${b.size})`,
      );
    }
    if (other.groups.join("|") !== o.groups.join("|")) {
      throw new InputError(
        { file: `run ${run.run}`, field: `${benchmark} question ${o.key}` },
        `counts in ${o.groups.join(", ")} here but in ${other.groups.join(", ")} in run ${base.run}`,
      );
    }
    pairs.push({ outcome: o, paired: { run: o.correct ? 1 : 0, baseline: other.correct ? 1 : 0 } });
  }
  if (b.size !== a.length) {
    const missing = [...b.keys()].find((k) => !a.some((o) => o.key === k));
    throw new InputError(
      { file: `run ${base.run}`, field: `${benchmark} question ${missing}` },
      `not answered in run ${run.run}: runs must cover the same questions (${a.length} vs ${b.size})`,
    );
  }
  return pairs;
}

function strataFor(
  benchmark: string,
  dimension: string,
  pairs: ReturnType<typeof pairOutcomes>,
): PairedOutcome[][] {
  if (OVERALL.has(dimension)) return [pairs.map((p) => p.paired)];
  if (benchmark === "mlvu" && dimension === "macro_avg") {
    return MLVU_MACRO_TYPES.map((t) =>
      pairs.filter((p) => p.outcome.groups.includes(t)).map((p) => p.paired),
    );
  }
  return [pairs.filter((p) => p.outcome.groups.includes(dimension)).map((p) => p.paired)];
}

function dimensionsOf(rows: EvaluationRow[], benchmark: string): string[] {
  return [...new Set(rows.filter((r) => r.benchmark === benchmark).map((r) => r.dimension))];
}

/**
 * Whether a run's gain over a baseline run is real, per benchmark dimension. With both runs'
 * per-question results: the paired bootstrap interval of the difference and the exact
 * McNemar p-value. With only aggregate numbers for either run, the difference alone and a
 * note saying no interval can be computed: none is invented.
 */
export function pairedDifferences(
  run: IngestedRun,
  baseline: IngestedRun,
  options: BootstrapOptions = {},
): PairedDifference[] {
  const out: PairedDifference[] = [];
  const benchmarks = [...new Set(run.rows.map((r) => r.benchmark))].filter((b) =>
    baseline.rows.some((r) => r.benchmark === b),
  );
  for (const benchmark of benchmarks) {
    const perQuestion = run.samples.has(benchmark) && baseline.samples.has(benchmark);
    const pairs = perQuestion ? pairOutcomes(benchmark, run, baseline) : [];
    const dims = dimensionsOf(run.rows, benchmark).filter((d) =>
      dimensionsOf(baseline.rows, benchmark).includes(d),
    );
    for (const dimension of dims) {
      const runValue = pickRunValue(run.rows, benchmark, dimension)!;
      const baselineValue = pickRunValue(baseline.rows, benchmark, dimension)!;
      const base = {
        benchmark,
        dimension,
        run: run.run,
        baseline: baseline.run,
        runValue,
        baselineValue,
      };
      const strata = perQuestion ? strataFor(benchmark, dimension, pairs) : [];
      if (!perQuestion || strata.some((s) => s.length === 0)) {
        const without = !run.samples.has(benchmark) ? run.run : baseline.run;
        out.push({
          ...base,
          n: null,
          difference: runValue - baselineValue,
          low: null,
          high: null,
          mcnemarP: null,
          note: perQuestion
            ? "no interval: this dimension has no per-question results"
            : `no interval: run ${without} has only aggregate numbers for ${benchmark}`,
        });
        continue;
      }
      const interval = pairedBootstrap(strata, options);
      const flat = strata.flat();
      const single = strata.length === 1;
      out.push({
        ...base,
        n: flat.length,
        difference: stratifiedDifference(strata),
        low: interval.low,
        high: interval.high,
        mcnemarP: single
          ? mcnemarExactP(
              flat.filter((p) => p.run > p.baseline).length,
              flat.filter((p) => p.run < p.baseline).length,
            )
          : null,
        note: `paired bootstrap, ${options.iterations ?? 1000} resamples, seed ${options.seed ?? 0}${single ? "" : `, stratified by ${strata.length} task types`}`,
      });
    }
  }
  return out;
}
