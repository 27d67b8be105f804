import {
  type OpenedSources,
  type SourceLoadOptions,
  openMixSources,
} from "../sources/open-mix-sources";
/**
 * The one place a spec's sources are opened and its points planned, for `mix plan`
 * (plan-spec.ts) and `mix run` (run/run-mix.ts) alike: the sources opened
 * (openMixSources), token budgets drawn (drawTokenBudgets), every point planned
 * (planMix), its records drawn (selectMix) and, when the spec counts tokens, the tokens
 * each source gives, to the mix and to the holdout. A plan then checks what a point
 * would write; a run checks and writes it.
 */
import { RecordTokenCounter } from "../sources/record-token-counter";
import type { MixSpec } from "../spec/mix-spec-types";
import { type TokenDraw, drawTokenBudgets } from "./draw-token-budget";
import { type MixPlan, type TokenCounting, mixPoints, planMix, withTokens } from "./plan-mix";
import { selectMix } from "./select-mix";

/** One point of a spec, planned. */
export interface PlannedPoint {
  plan: MixPlan;
  /** The records a runnable point writes, as packed refs (selectMix); null when not runnable. */
  picked: { mix: Float64Array; holdout: Float64Array } | null;
  /** Tokens per source in the mix and in the holdout, when the spec counts tokens. */
  tokensIn: { mix: number[]; holdout: number[] } | null;
}

/** A spec's sources, open, and every point planned against them. */
export interface PlannedSpec extends OpenedSources {
  points: PlannedPoint[];
  /** Closes every opened source (the caller does, when it is done with the points). */
  close(): void;
}

export interface PlanningOptions {
  /**
   * A source that cannot be opened is reported in the plans' status (`mix plan`) rather
   * than thrown (`mix run`).
   */
  tolerant?: boolean;
  /** Told the files the sources read as soon as they are open (`mix run` hashes them meanwhile). */
  onOpened?: (files: readonly string[][]) => void;
}

/** Opens the sources of `spec` and plans every point; on failure nothing stays open. */
export async function openAndPlanSpec(
  spec: MixSpec,
  options: SourceLoadOptions,
  planning: PlanningOptions = {},
): Promise<PlannedSpec> {
  const opened = await openMixSources(spec, options, planning.tolerant);
  const close = () => {
    for (const s of opened.sources) s?.close();
  };
  try {
    planning.onOpened?.(opened.files);
    return { ...opened, points: await planPoints(spec, opened, options), close };
  } catch (e) {
    close();
    throw e;
  }
}

/** Token budgets drawn, then every point planned, drawn and (when the spec counts tokens) counted. */
async function planPoints(
  spec: MixSpec,
  { sources, errors }: OpenedSources,
  options: SourceLoadOptions,
): Promise<PlannedPoint[]> {
  const holds = sources.map((s) => (s ? s.count : null));
  const counter = spec.tokens ? new RecordTokenCounter(spec.tokens, sources) : null;
  const draws = await drawTokenBudgets(spec, sources, counter, options.onProgress);
  const plans = mixPoints(spec).map((p) => planMix(spec, p, holds, errors, draws));
  const counting = counter?.describe();
  const points: PlannedPoint[] = [];
  for (const plan of plans) {
    const picked = plan.ok ? selectMix(spec, plan, holds as number[], draws) : null;
    if (counter && counting) points.push(await countPoint(plan, picked, counter, counting, draws));
    else
      points.push({
        plan,
        picked: picked && { mix: picked.mix, holdout: picked.holdout },
        tokensIn: null,
      });
  }
  return points;
}

/**
 * A point with its token columns: what each source gives before the total cut (for an
 * unrunnable point, what its budget walk drew), and what lands in the mix and holdout.
 * Every record of these was counted for the plan's columns, so the last two count nothing.
 */
async function countPoint(
  plan: MixPlan,
  picked: ReturnType<typeof selectMix> | null,
  counter: RecordTokenCounter,
  counting: TokenCounting,
  draws: readonly (TokenDraw | null)[],
): Promise<PlannedPoint> {
  if (!picked) {
    const drawn = plan.sources.map((_, k) => draws[k]?.tokens ?? 0);
    return {
      plan: withTokens(plan, drawn, counting, [...counter.counted]),
      picked,
      tokensIn: null,
    };
  }
  const given = await counter.tokensBySource(picked.all);
  return {
    plan: withTokens(plan, given, counting, [...counter.counted]),
    picked: { mix: picked.mix, holdout: picked.holdout },
    tokensIn: {
      mix: await counter.tokensBySource(picked.mix),
      holdout: await counter.tokensBySource(picked.holdout),
    },
  };
}
