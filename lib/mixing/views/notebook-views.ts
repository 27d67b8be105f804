/**
 * What notebooks/03-data-mixing.ipynb shows, as functions: where the mixing inputs are
 * (embedded default, or the Hub with T3KIT_SOURCE=hub), the shipped specs, and the
 * tables that put each TempCompass ablation row's training mix beside its scores.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { hubSourceSelected, stageInputPaths } from "../../hub/index";
import { readRecords } from "../../json/index";
import { dataDir } from "../../paths/index";
import type { LlavaRecord } from "../../records/index";
import type { Cell } from "../../tables/index";
import type { MixPlan } from "../plan/plan-mix";
import { planSpec } from "../plan/plan-spec";
import type { ReferenceOutput } from "../reference/reference-recipe";
import type { MixRunResult } from "../run/write-mix-point";
import { loadMixSpec } from "../spec/mix-spec";
import type { MixSpec } from "../spec/mix-spec-types";

/** The mixing stage's inputs: a LLaVA JSON file, a folder of T3 files, the HotpotQA sample. */
export interface MixingInputs {
  llava: string;
  t3Dir: string;
  hotpotqa: string;
  /** The same as spec vars (`{llava}`, `{t3}`, `{hotpotqa}`). */
  vars: Record<string, string>;
}

/**
 * The embedded default (data/llava/llava-sample.json, data/t3/, data/hotpotqa/), or with
 * T3KIT_SOURCE=hub the released mix1M file and Video-T3-QA folder, fetched into the cache.
 */
export async function mixingInputs(
  env: Record<string, string | undefined> = process.env,
): Promise<MixingInputs> {
  const hotpotqa = join(dataDir, "hotpotqa", "hotpot-sample.json");
  let llava = join(dataDir, "llava", "llava-sample.json");
  let t3Dir = join(dataDir, "t3");
  if (hubSourceSelected(env)) {
    for (const p of await stageInputPaths("mixing", {}, env)) {
      if (statSync(p).isDirectory()) t3Dir = p;
      else llava = p;
    }
  }
  return { llava, t3Dir, hotpotqa, vars: { llava, t3: t3Dir, hotpotqa } };
}

/** A spec shipped in data/mixes/ (e.g. "tempcompass/temporal-change-1x.yaml"). */
export function shippedSpec(relPath: string): MixSpec {
  return loadMixSpec(join(dataDir, "mixes", relPath));
}

/** The shipped TempCompass ablation specs and their files, in the paper's row order. */
export function tempcompassSpecs(): { spec: MixSpec; file: string }[] {
  const rows = tempcompassRows();
  const dir = join(dataDir, "mixes", "tempcompass");
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => ({ spec: loadMixSpec(join(dir, f)), file: join(dir, f) }));
  const at = (s: MixSpec) => rows.findIndex((r) => r.label === s.paper?.row);
  return specs.sort((a, b) => at(a.spec) - at(b.spec));
}

interface PaperRow {
  label: string;
  values: number[];
}

function tempcompassRows(): PaperRow[] {
  return JSON.parse(readFileSync(join(dataDir, "paper", "tempcompass.json"), "utf8"))
    .rows as PaperRow[];
}

/** TempCompass scores reported for a row: {Action, Direction, Speed, Order, Attr. Change, Avg}. */
export function tempcompassScores(row: string): Record<string, number> | null {
  const table = JSON.parse(readFileSync(join(dataDir, "paper", "tempcompass.json"), "utf8"));
  const r = (table.rows as PaperRow[]).find((x) => x.label === row);
  if (!r) return null;
  const out: Record<string, number> = {};
  table.columns.forEach((c: { label: string }, k: number) => {
    out[c.label] = r.values[k];
  });
  return out;
}

/**
 * One row per TempCompass ablation: the row, the files its mix is made of (inferred from
 * the row name and the released file names), the records the plan takes on these inputs, and the reported scores.
 */
export async function tempcompassAblation(
  vars: Record<string, string> = {},
): Promise<{ rows: Record<string, Cell>[]; plans: MixPlan[] }> {
  const rows: Record<string, Cell>[] = [];
  const plans: MixPlan[] = [];
  for (const { spec, file } of tempcompassSpecs()) {
    const [plan] = await planSpec(spec, { specFile: file, vars });
    plans.push(plan);
    const scores = tempcompassScores(spec.paper!.row) ?? {};
    rows.push({
      "TempCompass row": spec.paper!.row,
      "spec (data/mixes/tempcompass/)": file.split("/").pop() ?? file,
      "sources (inferred)": spec.sources.map((s) => s.name).join(" + "),
      records: plan.ok
        ? plan.mixRecords
        : `not runnable: ${plan.sources.find((s) => s.status !== "ok")?.name} missing`,
      Order: scores.Order ?? null,
      "Attr. Change": scores["Attr. Change"] ?? null,
      Avg: scores.Avg ?? null,
    });
  }
  return { rows, plans };
}

/** The reference recipe's outputs as table rows. */
export function referenceOutputRows(outputs: readonly ReferenceOutput[]): Record<string, Cell>[] {
  return outputs.map((o) => ({
    file: o.file.split("/").pop() ?? o.file,
    total: o.total,
    records: o.records,
    status: o.status,
  }));
}

/** The first `n` records of a written mix (JSON array or JSONL), for a look. */
export async function previewMixRecords(file: string, n = 1): Promise<LlavaRecord[]> {
  const out: LlavaRecord[] = [];
  for await (const { record } of readRecords(file)) {
    out.push(record as unknown as LlavaRecord);
    if (out.length >= n) break;
  }
  return out;
}

/** One row per written mix: its file name, records, holdout and the start of its sha256. */
export function mixRunRows(runs: readonly MixRunResult[]): Record<string, Cell>[] {
  return runs.map((r) => ({
    file: basename(r.file),
    records: r.plan.mixRecords,
    holdout: r.plan.holdout,
    sha256: r.sha256.slice(0, 16),
  }));
}
