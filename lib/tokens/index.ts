/**
 * Token analysis (notebook 04): per-mix and per-source summaries of exact token counts,
 * length filtering with the paper's presets, reports with tables and figures. Counting
 * itself is the shared floor lib/token-counting.
 */
export {
  tokenStats,
  statsBySource,
  groupBySource,
  formatTokenSummary,
  type TokenStats,
  type SourceStats,
} from "./summarize-token-counts";
export { filterRecordsByTokens, type FilterReport } from "./filter-records-by-tokens";
export {
  loadTokenMix,
  mixStatsTable,
  sourceStatsTable,
  tokenHistogramFigure,
  sourceHistogramFigure,
  tokenShareFigure,
  type TokenMix,
} from "./token-report";
export {
  t3FamilyLengthTable,
  t3FamilyLengthFigure,
} from "./t3-family-length";
export { presetDropTable } from "./preset-drops";
export {
  countWithEveryTokenizer,
  tokenizerComparisonTable,
  tokenizerComparisonFigure,
} from "./tokenizer-comparison";
export { tokenAnalysisInputs, type TokenAnalysisInputs } from "./token-analysis-inputs";
export { writeTokenCounts, type TokenCountOutput } from "./write-token-counts";
export { writeTokenReport, type TokenReport } from "./write-token-report";
export {
  runTokenCount,
  runTokenFilter,
  tokenCountSummary,
  tokenFilterSummary,
  tokenReportSummary,
  type TokenCountRun,
  type TokenFilterOptions,
  type TokenFilterRun,
} from "./run-token-commands";
