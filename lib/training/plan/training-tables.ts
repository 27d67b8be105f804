/**
 * Tables for notebook 05: the three presets side by side (every argument, its value in
 * each run and where it comes from), the fit check per source, and the model-state memory
 * per GPU of each preset on its released hardware.
 */
import type { DataFrame } from "danfojs-node";
import type * as Tables from "../../tables/index";
import type { Cell } from "../../tables/index";
import type { ArgValue, TrainingPreset } from "../presets/training-preset";
import { trainingPresets } from "../presets/training-presets";
import type { FitReport } from "./fit-check";
import { planModelStateMemory } from "./memory-estimate";
import type { TrainingPlan } from "./plan-training";

// Loaded on use: danfojs costs about 1 s at start-up, which `t3kit train` does not need.
function toDataFrame(rows: Record<string, Cell>[]): DataFrame {
  return (require("../../tables/index") as typeof Tables).toDataFrame(rows);
}

function shown(v: ArgValue | undefined): Cell {
  if (v === undefined) return "";
  return typeof v === "number" && v !== 0 && Math.abs(v) < 1e-3
    ? v.toExponential()
    : typeof v === "boolean"
      ? String(v)
      : v;
}

/**
 * One row per argument name (learning rate, batch, …) with each preset's value and a
 * source column per preset; names differ by codebase (`batch_size` in ms-swift).
 */
export function presetComparisonTable(
  presets: readonly TrainingPreset[] = trainingPresets,
): DataFrame {
  const keys: string[] = [];
  for (const p of presets)
    for (const a of [...p.args, ...p.env]) if (!keys.includes(a.key)) keys.push(a.key);
  const rows = keys.map((key) => {
    const row: Record<string, Cell> = { argument: key };
    for (const p of presets)
      row[p.name] = shown([...p.args, ...p.env].find((a) => a.key === key)?.value);
    for (const p of presets) {
      const a = [...p.args, ...p.env].find((x) => x.key === key);
      row[`${p.name} source`] = a ? a.source.replace(/^llyx97\/video-t3 /, "") : "";
    }
    return row;
  });
  return toDataFrame(rows);
}

/** Records over the limit per source (what the codebase would cut or drop). */
export function fitTable(fit: FitReport): DataFrame {
  return toDataFrame(
    fit.sources.map((s) => ({
      source: s.source,
      records: s.records,
      [`over ${fit.limitKey} ${fit.limit}`]: s.over,
      "max tokens": s.maxTokens,
      "mean tokens": Math.round(s.meanTokens),
    })),
  );
}

/** Model states per GPU for each plan, with the formula and the numbers put in. */
export function memoryTable(plans: TrainingPlan[]): DataFrame {
  return toDataFrame(
    plans.map((p) => {
      const m = planModelStateMemory(p);
      return {
        run: p.name,
        method: `${p.preset.method}, ZeRO-${p.preset.zeroStage}`,
        GPUs: p.hardware.gpusPerNode * p.hardware.nodes,
        formula: m.formula,
        worked: m.worked,
        "GiB per GPU": Number(m.gibPerGpu.toFixed(1)),
      };
    }),
  );
}
