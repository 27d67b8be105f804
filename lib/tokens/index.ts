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
} from "../token-counting/text/text-tokenizer";
export {
  loadTokenizer,
  parseTokenizerName,
  UnknownTokenizerError,
} from "../token-counting/text/load-tokenizer";
export { loadQwen2RustTokenizer } from "../token-counting/text/qwen2-rust-tokenizer";
export { loadQwen2JsTokenizer } from "../token-counting/text/qwen2-js-tokenizer";
export { withQwen2PretokenCache } from "../token-counting/text/qwen2-pretoken-cache";
export {
  qwen2TokenizerJson,
  qwen2TokenizerJsonPath,
} from "../token-counting/text/qwen2-tokenizer-json";
export { countWords } from "../token-counting/text/word-tokenizer";
export {
  countRecordTokens,
  countConversations,
  type CountOptions,
  type RecordTokenCounts,
  type TokenCountRow,
} from "../token-counting/count-record-tokens";
export {
  readConversation,
  sourceOf,
  type Conversation,
} from "../token-counting/template/read-conversation";
export {
  planRecordTokens,
  templateNames,
  defaultSystemPrompt,
  type TemplateName,
  type RecordTokenPlan,
} from "../token-counting/template/chat-template-pieces";
export {
  defaultVisualSettings,
  parseSize,
  visionModels,
  type VisionModel,
  type VisualSettings,
} from "../token-counting/visual/visual-settings";
export {
  longvaImageTokens,
  longvaVideoTokens,
  longvaImageGrid,
  longvaGridPinpoints,
  selectBestResolution,
} from "../token-counting/visual/longva-visual-tokens";
export {
  qwen2vlImageTokens,
  qwen2vlVideoTokens,
  qwen2vlVideoFrames,
  smartResize,
} from "../token-counting/visual/qwen2vl-visual-tokens";
export {
  readImageSize,
  ImageHeaderError,
  type ImageSize,
} from "../token-counting/visual/read-image-size";
export {
  countTokensParallel,
  type ParallelCountOptions,
} from "../token-counting/workers/count-tokens-parallel";
export {
  countFileTokens,
  probeFileVideos,
  type FileCountOptions,
} from "../token-counting/count-file-tokens";
export {
  readVideoInfo,
  videoInfoFromProbe,
  VideoProbeError,
  FfprobeMissingError,
  type VideoInfo,
} from "../token-counting/visual/read-video-info";
export {
  probeVideoFiles,
  videoFilesOf,
  videoFilePath,
  type VideoInfoTable,
  type VideoFileRef,
} from "../token-counting/visual/probe-video-files";
export {
  percentile,
  tokenStats,
  statsBySource,
  groupBySource,
  formatTokenSummary,
  type TokenStats,
  type SourceStats,
} from "./summarize-token-counts";
export { lengthPresets, lengthPreset, type LengthPreset } from "../token-counting/length-presets";
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
  collectTokenCounts,
  collectFolderTokenCounts,
} from "../token-counting/collect-token-counts";
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
