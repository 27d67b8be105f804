/**
 * `mix plan`: a spec's sources opened and every point planned (open-and-plan-spec.ts),
 * then each runnable point's records checked as `mix run` would check them, so that a
 * plan that says "ok" is one the run will write. Writes nothing.
 */
import { resolve } from "node:path";
import { InputError } from "../../errors/index";
import { requireInputFile } from "../../files/index";
import { checkMixRefs } from "../checks/check-mix-refs";
import type { SourceLoadOptions } from "../sources/open-mix-sources";
import { refSource } from "../sources/record-refs";
import type { RecordSource } from "../sources/record-source";
import { loadMixSpec } from "../spec/mix-spec";
import type { MixSpec } from "../spec/mix-spec-types";
import { type PlannedPoint, openAndPlanSpec } from "./open-and-plan-spec";
import type { MixPlan } from "./plan-mix";

/** A spec and the plan of each of its points. */
export interface SpecPlans {
  spec: MixSpec;
  plans: MixPlan[];
}

/** `mix plan SPEC`: reads the spec file, then plans it (formatSpecPlans prints the result). */
export async function planSpecFile(
  specFile: string,
  options: Omit<SourceLoadOptions, "specFile"> = {},
): Promise<SpecPlans> {
  const file = resolve(specFile);
  requireInputFile(file);
  const spec = loadMixSpec(file);
  return { spec, plans: await planSpec(spec, { ...options, specFile: file }) };
}

/** Plans every point of a spec against its sources; a source that cannot be read says why. */
export async function planSpec(spec: MixSpec, options: SourceLoadOptions = {}): Promise<MixPlan[]> {
  const planned = await openAndPlanSpec(spec, options, { tolerant: true });
  try {
    return planned.points.map((p) => withRecordChecks(spec, p, planned.sources as RecordSource[]));
  } finally {
    planned.close();
  }
}

/**
 * A runnable plan whose records `mix run` would refuse is not runnable: the source says why.
 * Each record is checked once, however often the mix repeats it (a source of 120 records
 * asked for 10,000,000 is 120 checks, not 10,000,000).
 */
function withRecordChecks(spec: MixSpec, point: PlannedPoint, sources: RecordSource[]): MixPlan {
  const { plan, picked } = point;
  if (!picked) return plan;
  const checked = new Set<number>();
  for (const refs of [picked.mix, picked.holdout]) {
    for (let k = 0; k < refs.length; k++) {
      if (checked.has(refs[k])) continue;
      checked.add(refs[k]);
      try {
        checkMixRefs(refs.subarray(k, k + 1), sources, spec.checks);
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
