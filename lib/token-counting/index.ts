/**
 * Counting tokens, a shared floor: what training sees of a record (Qwen2 / cl100k / o200k /
 * word counts of each turn, the chat template around them, the visual tokens of each image
 * or video), one record, one file or a folder at a time, on worker threads. The token
 * analysis stage (lib/tokens) and token budgets in mixing both count through here.
 */
export {
  type TextTokenizer,
  type TokenizerName,
  type Qwen2Implementation,
  tokenizerNames,
} from "./text/text-tokenizer";
export {
  loadTokenizer,
  parseTokenizerName,
  UnknownTokenizerError,
} from "./text/load-tokenizer";
export { loadQwen2RustTokenizer } from "./text/qwen2-rust-tokenizer";
export { loadQwen2JsTokenizer } from "./text/qwen2-js-tokenizer";
export { withQwen2PretokenCache } from "./text/qwen2-pretoken-cache";
export {
  qwen2TokenizerJson,
  qwen2TokenizerJsonPath,
} from "./text/qwen2-tokenizer-json";
export { countWords } from "./text/word-tokenizer";
export {
  countRecordTokens,
  countConversations,
  resolveTokenizer,
  resolveVisualSettings,
  type CountOptions,
  type RecordTokenCounts,
  type TokenCountRow,
} from "./count-record-tokens";
export {
  readConversation,
  sourceOf,
  type Conversation,
} from "./template/read-conversation";
export {
  chatTemplatePieces,
  templateNames,
  defaultSystemPrompt,
  type TemplateName,
  type ChatTemplatePieces,
} from "./template/chat-template-pieces";
export {
  defaultVisualSettings,
  parseSize,
  visionModels,
  type VisionModel,
  type VisualSettings,
} from "./visual/visual-settings";
export {
  longvaImageTokens,
  longvaVideoTokens,
  longvaImageGrid,
  longvaGridPinpoints,
  selectBestResolution,
} from "./visual/longva-visual-tokens";
export {
  qwen2vlImageTokens,
  qwen2vlVideoTokens,
  qwen2vlVideoFrames,
  smartResize,
} from "./visual/qwen2vl-visual-tokens";
export {
  llamaFactoryImageSize,
  llamaFactoryVideoFrames,
  llamaFactoryEvenFrames,
  llamaFactoryV091Limits,
  llamaFactoryLimits,
  llamaFactoryVersions,
  LlamaFactoryResizeError,
  type LlamaFactoryVersion,
  type LlamaFactoryMediaLimits,
} from "./visual/llamafactory-media";
export {
  readImageSize,
  ImageHeaderError,
  type ImageSize,
} from "./visual/read-image-size";
export {
  countTokensParallel,
  type ParallelCountOptions,
} from "./workers/count-tokens-parallel";
export {
  countFileTokens,
  probeFileVideos,
  type FileCountOptions,
} from "./count-file-tokens";
export {
  readVideoInfo,
  videoInfoFromProbe,
  VideoProbeError,
  FfprobeMissingError,
  type VideoInfo,
  type VideoInfoTable,
} from "./visual/read-video-info";
export {
  probeVideoFiles,
  videoFilesOf,
  videoFilePath,
  type VideoFileRef,
} from "./visual/probe-video-files";
export { lengthPresets, lengthPreset, type LengthPreset } from "./length-presets";
export {
  collectTokenCounts,
  collectFolderTokenCounts,
} from "./collect-token-counts";
export {
  validateCountSettings,
  CountSettingsError,
  type CountSettings,
  type CountSettingsInput,
  type CountSettingKey,
} from "./count-settings";
