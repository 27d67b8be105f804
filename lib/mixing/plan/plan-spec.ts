/**
 * `mix plan`: a spec's sources opened once, token budgets drawn, every point planned
 * (planMix, in plan-mix.ts, plans one point), and token columns added when the spec
 * counts tokens; `mix run` writes what these plans say (run-mix.ts).
 */
import { InputError } from "../../errors/index";
import { checkMixRefs } from "../checks/check-mix-refs";
import { refIndex, refSource } from "../run/write-mix-file";
import { type SourceLoadOptions, loadMixSource } from "../sources/load-mix-sources";
import type { RecordSource } from "../sources/record-source";
import { RecordTokenCounter } from "../sources/record-token-counter";
import type { MixSpec } from "../spec/mix-spec";
import { type TokenDraw, drawTokenBudget, tokenBudgetOf } from "./draw-token-budget";
import { type MixPlan, mixPoints, planMix, withTokens } from "./plan-mix";
import { selectMix } from "./select-mix";

export interface OpenedSources {
  sources: (RecordSource | null)[];
  files: string[][];
  /** Why a source could not be opened (null when it was). */
  errors: (string | null)[];
}

/** Opens every source; with `tolerant`, a failing source is reported rather than thrown (for plans). */
export async function openMixSources(
  spec: MixSpec,
  options: SourceLoadOptions = {},
  tolerant = false,
): Promise<OpenedSources> {
  const out: OpenedSources = { sources: [], files: [], errors: [] };
  for (let k = 0; k < spec.sources.length; k++) {
    try {
      const { source, files } = await loadMixSource(spec, k, options);
      out.sources.push(source);
      out.files.push(files);
      out.errors.push(null);
    } catch (e) {
      if (!tolerant) {
        for (const s of out.sources) s?.close();
        throw e;
      }
      out.sources.push(null);
      out.files.push([]);
      out.errors.push((e as Error).message);
    }
  }
  return out;
}

/** Plans every point of a spec against its sources (`mix plan`). */
export async function planSpec(spec: MixSpec, options: SourceLoadOptions = {}): Promise<MixPlan[]> {
  const opened = await openMixSources(spec, options, true);
  try {
    const { plans, draws } = await planOpened(spec, opened.sources, opened.errors, options);
    return plans.map((p) => withRecordChecks(spec, p, opened.sources, draws));
  } finally {
    for (const s of opened.sources) s?.close();
  }
}

/** A runnable plan is checked as `mix run` would check it: a bad record makes it not runnable. */
function withRecordChecks(
  spec: MixSpec,
  plan: MixPlan,
  sources: (RecordSource | null)[],
  draws: readonly (TokenDraw | null)[],
): MixPlan {
  if (!plan.ok) return plan;
  const ready = sources as RecordSource[];
  const counts = ready.map((s) => s.count);
  const { mix, holdout } = selectMix(spec, plan, counts, draws);
  for (const refs of [mix, holdout]) {
    for (let k = 0; k < refs.length; k++) {
      try {
        checkMixRefs(refs.subarray(k, k + 1), ready, spec.checks);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const bad = refSource(refs[k]);
        const status = e.message;
        return {
          ...plan,
          ok: false,
          sources: plan.sources.map((p, j) => (j === bad ? { ...p, status } : p)),
        };
      }
    }
  }
  return plan;
}

export interface PlannedSpec {
  plans: MixPlan[];
  draws: (TokenDraw | null)[];
  counter: RecordTokenCounter | null;
}

/** Token budgets drawn, points planned, token columns added when the spec counts tokens. */
export async function planOpened(
  spec: MixSpec,
  sources: (RecordSource | null)[],
  errors: (string | null)[],
  options: SourceLoadOptions,
): Promise<PlannedSpec> {
  const say = (note: string) => options.onProgress?.({ note });
  const holds = sources.map((s) => (s ? s.count : null));
  const counter = spec.tokens ? new RecordTokenCounter(spec.tokens, sources) : null;
  const draws: (TokenDraw | null)[] = [];
  for (const [k, s] of spec.sources.entries()) {
    const budget = tokenBudgetOf(spec, s);
    const source = sources[k];
    if (budget === undefined || !source || !counter) {
      draws.push(null);
      continue;
    }
    say(`counting ${s.name} up to its budget of ${budget} tokens`);
    draws.push(
      await drawTokenBudget(spec, s, source.count, budget, (ix) => counter.tokensOf(k, ix)),
    );
  }
  let plans = mixPoints(spec).map((p) => planMix(spec, p, holds, errors, draws));
  if (counter) {
    const counting = counter.describe();
    const withCounts: MixPlan[] = [];
    for (const plan of plans) {
      if (!plan.ok) {
        const drawn = plan.sources.map((_, k) => draws[k]?.tokens ?? 0);
        withCounts.push(withTokens(plan, drawn, counting, [...counter.counted]));
        continue;
      }
      const { all } = selectMix(spec, plan, holds as number[], draws);
      const perSource = await tokensBySource(all, sources as RecordSource[], counter);
      withCounts.push(withTokens(plan, perSource, counting, [...counter.counted]));
    }
    plans = withCounts;
  }
  return { plans, draws, counter };
}

/** Tokens per source of the records `refs` point at (repeats counted each time). */
export async function tokensBySource(
  refs: Float64Array,
  sources: readonly RecordSource[],
  counter: RecordTokenCounter,
): Promise<number[]> {
  const byK: number[][] = sources.map(() => []);
  for (let i = 0; i < refs.length; i++) byK[refSource(refs[i])].push(refIndex(refs[i]));
  const out: number[] = [];
  for (const [k, ix] of byK.entries()) out.push(await counter.sumOf(k, ix));
  return out;
}
