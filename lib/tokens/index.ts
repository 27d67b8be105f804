/**
 * Token analysis (notebook 04): exact Qwen2 (LongVA, Qwen2-VL) token counts of training
 * records, with the chat template and the visual tokens each image or video costs;
 * cl100k/o200k and word counts to compare; length filtering with the paper's presets;
 * per-source reports with tables and figures.
 */
export {
  type TextTokenizer,
  type TokenizerName,
  type Qwen2Implementation,
  tokenizerNames,
} from "./text-tokenizer";
export { loadTokenizer, parseTokenizerName, UnknownTokenizerError } from "./load-tokenizer";
export { loadQwen2RustTokenizer } from "./qwen2-rust-tokenizer";
export { loadQwen2JsTokenizer } from "./qwen2-js-tokenizer";
export { withQwen2PretokenCache } from "./qwen2-pretoken-cache";
export { qwen2TokenizerJson, qwen2TokenizerJsonPath } from "./qwen2-tokenizer-json";
export { countWords } from "./word-tokenizer";
export {
  countRecordTokens,
  countConversations,
  type CountOptions,
  type RecordTokenCounts,
  type TokenCountRow,
} from "./count-record-tokens";
export { readConversation, sourceOf, type Conversation } from "./read-conversation";
export {
  planRecordTokens,
  templateNames,
  defaultSystemPrompt,
  type TemplateName,
  type RecordTokenPlan,
} from "./plan-record-tokens";
export {
  defaultVisualSettings,
  parseSize,
  visionModels,
  type VisionModel,
  type VisualSettings,
} from "./visual-settings";
export {
  longvaImageTokens,
  longvaVideoTokens,
  longvaImageGrid,
  longvaGridPinpoints,
  selectBestResolution,
} from "./longva-visual-tokens";
export {
  qwen2vlImageTokens,
  qwen2vlVideoTokens,
  qwen2vlVideoFrames,
  smartResize,
} from "./qwen2vl-visual-tokens";
export { readImageSize, ImageHeaderError, type ImageSize } from "./read-image-size";
export { countTokensParallel, type ParallelCountOptions } from "./count-tokens-parallel";
export { countFileTokens, probeFileVideos, type FileCountOptions } from "./count-file-tokens";
export {
  readVideoInfo,
  videoInfoFromProbe,
  VideoProbeError,
  FfprobeMissingError,
  type VideoInfo,
} from "./read-video-info";
export {
  probeVideoFiles,
  videoFilesOf,
  videoFilePath,
  type VideoInfoTable,
  type VideoFileRef,
} from "./probe-video-files";
export {
  percentile,
  tokenStats,
  statsBySource,
  groupBySource,
  formatTokenSummary,
  type TokenStats,
  type SourceStats,
} from "./summarize-token-counts";
export { lengthPresets, lengthPreset, type LengthPreset } from "./length-presets";
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
export { collectTokenCounts, collectFolderTokenCounts } from "./collect-token-counts";
export {
  t3FamilyAndLength,
  t3FamilyLengthTable,
  t3FamilyLengthFigure,
  type T3FamilyLength,
} from "./t3-family-length";
export { presetDropTable } from "./preset-drops";
export {
  countWithEveryTokenizer,
  tokenizerComparisonTable,
  tokenizerComparisonFigure,
} from "./tokenizer-comparison";
