/**
 * Stage 2, T3 synthesis: textual temporal tasks from image captions, in the released
 * formats (notebooks/02-t3-synthesis.ipynb explains it step by step).
 */
export type { Caption, AttributeAnnotation } from "./captions/caption-record";
export { firstSentence } from "./captions/first-sentence";
export { parseCaptionRecord, type RecordPlace } from "./captions/parse-caption-record";
export {
  readCaptions,
  detectCaptionFormat,
  type CaptionFileFormat,
} from "./captions/read-captions";
export { extractMainObject, type MainObject } from "./captions/extract-main-object";
export {
  ATTRIBUTE_LEXICON,
  UNCHANGED_OPTION,
  attributeKind,
  kindsWithValues,
  type AttributeKind,
} from "./lexicon/attribute-lexicon";
export {
  findLexiconAttribute,
  mentionsLexiconValue,
  wordIndex,
  type FoundAttribute,
} from "./lexicon/find-lexicon-attribute";
export { changeAttribute } from "./lexicon/change-attribute";
export {
  oneSpanDifference,
  findCaptionDifferences,
  type CaptionDifference,
} from "./lexicon/caption-difference";
export * from "./tasks/prompt-pools";
export {
  TASKS,
  taskSpec,
  contextSize,
  captionsNeeded,
  planTaskRuns,
  type TaskSpec,
  type TaskRun,
} from "./tasks/task-catalog";
export { type SynthesisItem, optionLetter } from "./tasks/synthesis-item";
export { renderQuestion, renderAnswer, renderPair, renderValidationRow } from "./tasks/render-item";
export {
  parseRenderedQuestion,
  parseRenderedAnswer,
  parseOptionsLine,
  type RenderedParts,
} from "./verify/parse-rendered-item";
export { verifyPair, verifyRendered, type Verdict } from "./verify/verify-item";
export { BalancedLetters, placeOptions } from "./tasks/balanced-letters";
export { CaptionPool, PooledCaption } from "./captions/caption-pool";
export { generateOrderItem } from "./tasks/generate-order-item";
export { generateOrderTemplateItem } from "./tasks/generate-order-template-item";
export {
  generateAttributeItem,
  lexiconContrast,
  type AttributeContrast,
  type ContrastWriter,
} from "./tasks/generate-attribute-item";
export { generateReferringItem } from "./tasks/generate-referring-item";
export {
  createLlmContrastWriter,
  parseContrastReply,
  contrastPrompt,
  type LlmContrastOptions,
  type LlmContrastStats,
} from "./lexicon/llm-attribute-contrast";
export {
  surveyCaptions,
  splitOf,
  CaptionSplits,
  VALIDATION_EVERY,
  type CaptionSurvey,
} from "./captions/survey-captions";
export {
  synthesizeItems,
  planOutputs,
  DEFAULT_TRAIN_CAP,
  DEFAULT_VALIDATION_CAP,
  type SynthesisOptions,
  type PlannedOutput,
  type SynthesizedItem,
  type SynthesisStats,
  type Split,
} from "./synthesize-items";
export {
  writeSynthesis,
  type WriteSynthesisOptions,
} from "./write-synthesis";
export { composeCaption, type ComposedCaption } from "./captions/compose-captions";
export {
  loadSynthesisFolder,
  loadSynthesisFile,
  readSynthesisManifest,
  type LoadedItem,
} from "./load-synthesis-folder";
export { verifySynthesisFolder, type FolderVerification } from "./verify/verify-synthesis-folder";
export {
  synthesisCountRows,
  answerLetterFigure,
  wordLengthFigure,
  wordCount,
} from "./synthesis-figures";
export { synthesisExampleHtml, showSynthesisExample } from "./show-synthesis-example";
export { EMBEDDED_CAPTIONS, captionSample } from "./captions/embedded-captions";
export {
  annotateCaptions,
  annotationSummaryLine,
  type AnnotationSummary,
} from "./captions/annotate-captions";
export {
  runSynthesis,
  synthesisSummary,
  type SynthesisRun,
  type SynthesisRunOptions,
} from "./run-synthesis";
