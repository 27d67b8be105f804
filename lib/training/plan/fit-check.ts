/**
 * Does the data fit the run? Before any GPU hour: every record's training length (text +
 * chat template + visual tokens, counted by the tokens stage with the preset's template and
 * vision settings) against the run's limit, per source; what the codebase does with a
 * record over it (LongVA and LLaMA-Factory cut it — a cut through image tokens crashes
 * Qwen2-VL with "Image features and image tokens do not match" —, ms-swift 2.x drops it:
 * `--truncation_strategy delete`); steps per epoch and tokens per step.
 */
import type * as TokenCounting from "../../token-counting/index";
import type { TrainingPlan } from "./plan-training";

export interface SourceFit {
  source: string;
  records: number;
  over: number;
  maxTokens: number;
  meanTokens: number;
}

export interface FitReport {
  file: string;
  limitKey: string;
  limit: number;
  /** What the codebase does with a record over the limit. */
  overLimit: "cut" | "dropped";
  records: number;
  over: number;
  /** Records training sees (after max_samples and drops). */
  trained: number;
  meanTokens: number;
  sources: SourceFit[];
  globalBatch: number;
  stepsPerEpoch: number;
  /** Steps the run makes (max_steps when the preset fixes it). */
  steps: number;
  tokensPerStep: number;
  /** The LLaMA-Factory tag whose image and video rules counted (a LLaMA-Factory run). */
  llamaFactoryVersion?: TokenCounting.LlamaFactoryVersion;
}

export interface FitOptions {
  workers?: number;
  /** Count images and videos whose files are missing at default sizes (default: true). */
  missingAsDefault?: boolean;
  /**
   * Count images and videos by this LLaMA-Factory tag's rules and defaults instead of the
   * preset's (v0.9.1, the release's codebase): a run on a newer checkout.
   */
  llamaFactoryVersion?: TokenCounting.LlamaFactoryVersion;
}

/** A LLaMA-Factory version was given for a run of another codebase. */
export class NotALlamaFactoryRun extends Error {
  constructor(preset: string, codebase: string) {
    super(`--llamafactory-version: the preset ${preset} is a ${codebase} run, not LLaMA-Factory's`);
    this.name = "NotALlamaFactoryRun";
  }
}

export async function checkFit(plan: TrainingPlan, o: FitOptions = {}): Promise<FitReport> {
  // Loaded on use: the tokens stage pulls in the tokenizers (about 1 s) that plan and launch do not need.
  const { countFileTokens, lengthPreset, llamaFactoryLimits } =
    require("../../token-counting/index") as typeof TokenCounting;
  const file = plan.dataFiles[0];
  if (file === undefined) throw new Error("the plan has no data file to check");
  const preset = lengthPreset(plan.preset.lengthPreset);
  if (!preset) throw new Error(`unknown length preset ${plan.preset.lengthPreset}`);
  let llamaFactory = preset.visual.llamaFactory;
  if (o.llamaFactoryVersion !== undefined) {
    if (llamaFactory === undefined) throw new NotALlamaFactoryRun(plan.preset.name, plan.codebase);
    llamaFactory = llamaFactoryLimits[o.llamaFactoryVersion];
  }
  const bySource = new Map<string, { records: number; over: number; max: number; sum: number }>();
  let sum = 0;
  let records = 0;
  for await (const row of countFileTokens(file, {
    tokenizer: "qwen2",
    template: preset.template,
    visual: {
      ...preset.visual,
      ...(llamaFactory === undefined ? {} : { llamaFactory }),
      imageFolder: plan.imageFolder,
      videoFolder: plan.videoFolder,
      missingImages: o.missingAsDefault === false ? "error" : "default",
    },
    workers: o.workers,
  })) {
    const s = bySource.get(row.source) ?? { records: 0, over: 0, max: 0, sum: 0 };
    s.records++;
    s.sum += row.total_tokens;
    s.max = Math.max(s.max, row.total_tokens);
    if (row.total_tokens > plan.lengthLimit) s.over++;
    bySource.set(row.source, s);
    sum += row.total_tokens;
    records++;
  }
  const sources = [...bySource.entries()]
    .map(([source, s]) => ({
      source,
      records: s.records,
      over: s.over,
      maxTokens: s.max,
      meanTokens: s.sum / s.records,
    }))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const over = sources.reduce((n, s) => n + s.over, 0);
  const overLimit = plan.codebase === "ms-swift" ? "dropped" : "cut";
  const maxSamples = Number(
    plan.args.find((a) => a.key === "max_samples")?.value ?? Number.POSITIVE_INFINITY,
  );
  const trained = Math.min(maxSamples, overLimit === "dropped" ? records - over : records);
  const global = plan.batch.global;
  const dropLast = plan.args.find((a) => a.key === "dataloader_drop_last")?.value === true;
  const stepsPerEpoch = dropLast ? Math.floor(trained / global) : Math.ceil(trained / global);
  const epochs = Number(plan.args.find((a) => a.key === "num_train_epochs")?.value ?? 1);
  const maxSteps = Number(plan.args.find((a) => a.key === "max_steps")?.value ?? -1);
  const meanTokens = records === 0 ? 0 : sum / records;
  return {
    file,
    limitKey: plan.preset.lengthKey,
    limit: plan.lengthLimit,
    overLimit,
    records,
    over,
    trained,
    meanTokens,
    sources,
    globalBatch: global,
    stepsPerEpoch,
    steps: maxSteps > 0 ? maxSteps : Math.ceil(stepsPerEpoch * epochs),
    tokensPerStep: meanTokens * global,
    ...(llamaFactory === undefined ? {} : { llamaFactoryVersion: llamaFactory.version }),
  };
}
