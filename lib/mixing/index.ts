/**
 * SFT data mixing: the paper's reference recipe byte for byte (reference/), declarative
 * mix specs (spec/: count | fraction | proportion per source, lRatio, holdout, sweeps),
 * their sources (sources/), plans (plan/: `mix plan`), runs (run/: `mix run`), the checks
 * on every record (checks/), the tables around them (views/), and the analysis of any mix:
 * what it holds, its duplicates and leaks (inspect/: `mix inspect`), what changed
 * between two (diff/: `mix diff`).
 * Notebooks: notebooks/03-data-mixing.ipynb, notebooks/08-mix-analysis.ipynb.
 */
export {
  LLAVA_KEY,
  REFERENCE_COMPOSITIONS,
  WRITTEN_T3_KEYS,
  compositionName,
} from "./reference/reference-compositions";
export {
  REFERENCE_LRATIO,
  REFERENCE_PER,
  REFERENCE_SEED,
  REFERENCE_TOTALS,
  referenceFileName,
  runReferenceRecipe,
  type ReferenceOutput,
  type ReferenceRecipeOptions,
} from "./reference/reference-recipe";
export { formatReferenceOutputs } from "./reference/format-reference-outputs";
export { loadMixSpec, validateMixSpec } from "./spec/mix-spec";
export * from "./spec/mix-spec-types";
export {
  MemorySource,
  loadFileSource,
  type FileSourceKind,
  type RecordSource,
} from "./sources/record-source";
export { packRef, refIndex, refSource } from "./sources/record-refs";
export { ConcatSource } from "./sources/concat-source";
export { HOTPOTQA_MAX_WORDS, hotpotqaToLlava } from "./sources/hotpotqa-records";
export {
  resolveSourcePath,
  t3FilesOf,
  t3PrefixFor,
  type SourcePathOptions,
} from "./sources/source-paths";
export {
  loadMixSource,
  openMixSources,
  type OpenedSources,
  type SourceLoadOptions,
} from "./sources/open-mix-sources";
export { RecordTokenCounter } from "./sources/record-token-counter";
export {
  drawTokenBudget,
  tokenBudgetOf,
  tokenSourceSeed,
  type TokenDraw,
} from "./plan/draw-token-budget";
export {
  mixPoints,
  planMix,
  resolveSourceCount,
  withTokens,
  type TokenCounting,
  type MixPlan,
  type MixPoint,
  type SourcePlan,
} from "./plan/plan-mix";
export { selectMix } from "./plan/select-mix";
export {
  openAndPlanSpec,
  type PlannedPoint,
  type PlannedSpec,
  type PlanningOptions,
} from "./plan/open-and-plan-spec";
export { planSpec, planSpecFile, type SpecPlans } from "./plan/plan-spec";
export { TOKEN_BUDGET_RULE, formatPlan, formatSpecPlans } from "./plan/format-plan";
export { checkLlavaRecord } from "./checks/check-records";
export { writeMixFile } from "./run/write-mix-file";
export { runMix, runMixSpecFile, type MixRunOptions } from "./run/run-mix";
export type { MixRunResult } from "./run/write-mix-point";
export { sweepCsv } from "./run/sweep-csv";
export { formatMixRun } from "./run/format-mix-run";
export {
  compositionFigure,
  compositionMatrix,
  compositionRows,
  recordTokenShareFigure,
  recordTokenShareRows,
} from "./views/composition-table";
export {
  mixingInputs,
  mixRunRows,
  previewMixRecords,
  referenceOutputRows,
  shippedSpec,
  tempcompassAblation,
  tempcompassScores,
  tempcompassSpecs,
  type MixingInputs,
} from "./views/notebook-views";
export {
  inspectMix,
  type ContaminationFlag,
  type DuplicateGroup,
  type InspectOptions,
  type MixInspection,
} from "./inspect/inspect-mix";
export type { CompositionRow } from "./inspect/mix-composition";
export { formatInspection, formatNearGroups, inspectionJson } from "./inspect/format-inspection";
export {
  inspectionLengthFigure,
  inspectionShareFigure,
  writeInspectionFiles,
} from "./inspect/write-inspection-files";
export { readAgainstItems } from "./inspect/read-against-items";
export { type AgainstItem, GRAM_WORDS } from "./inspect/contamination-index";
export { classifyRecord, datasetOfPath, t3PartName } from "./inspect/classify-record";
export { readMixRecord, type MixRecord } from "./inspect/read-mix-record";
export { diffMixes, type MixDiff, type MixDiffRow } from "./diff/diff-mixes";
export { formatMixDiff } from "./diff/format-mix-diff";
export {
  captionsInBothSplits,
  mixAnalysisPaths,
  writeRepeatedCaptions,
  type MixAnalysisPaths,
} from "./views/mix-analysis-views";
