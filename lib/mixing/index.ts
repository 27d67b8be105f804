/**
 * SFT data mixing: the paper's reference recipe byte for byte, declarative mix specs
 * (count | fraction | proportion per source, lRatio, holdout, sweeps), and the checks and
 * tables around them. Notebook: notebooks/03-data-mixing.ipynb.
 */
export {
  LLAVA_KEY,
  REFERENCE_COMPOSITIONS,
  WRITTEN_T3_KEYS,
  compositionName,
} from "./reference/reference-compositions";
export {
  MemorySource,
  loadFileSource,
  type FileSourceKind,
  type RecordSource,
} from "./sources/record-source";
export {
  MIX_FORMATS,
  packRef,
  refIndex,
  refSource,
  writeMixFile,
  type MixFormat,
} from "./run/write-mix-file";
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
export {
  loadMixSpec,
  validateMixSpec,
  type Exhaustion,
  tokenKnobOf,
  type MixSpec,
  type MixTokenSettings,
  type SourceKind,
  type SourceSpec,
  type TokenKnob,
} from "./spec/mix-spec";
export {
  drawTokenBudget,
  tokenBudgetOf,
  tokenSourceSeed,
  type TokenDraw,
} from "./plan/draw-token-budget";
export { RecordTokenCounter } from "./sources/record-token-counter";
export {
  formatPlan,
  mixPoints,
  planMix,
  resolveSourceCount,
  TOKEN_BUDGET_RULE,
  withTokens,
  type TokenCounting,
  type MixPlan,
  type MixPoint,
  type SourcePlan,
} from "./plan/plan-mix";
export { HOTPOTQA_MAX_WORDS, hotpotqaToLlava } from "./sources/hotpotqa-records";
export { checkLlavaRecord } from "./checks/check-records";
export { ConcatSource } from "./sources/concat-source";
export {
  loadMixSource,
  resolveSourcePath,
  t3FilesOf,
  t3PrefixFor,
  type SourceLoadOptions,
} from "./sources/load-mix-sources";
export { openMixSources, planSpec, type OpenedSources } from "./plan/plan-spec";
export { selectMix } from "./plan/select-mix";
export { runMix, sweepCsv, type MixRunOptions, type MixRunResult } from "./run/run-mix";
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
