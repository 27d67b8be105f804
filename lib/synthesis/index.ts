/**
 * Stage 2, T3 synthesis: textual temporal tasks from image captions, in the released
 * formats (notebooks/02-t3-synthesis.ipynb explains it step by step).
 */
export { type Rng, shuffleInPlace, pickOne } from "./rng";
export { deriveSeed } from "./derive-seed";
export type { Caption, AttributeAnnotation } from "./caption-record";
export { firstSentence } from "./first-sentence";
export { streamJsonArray, type ArrayElement } from "./stream-json-array";
export { parseCaptionRecord, type RecordPlace } from "./parse-caption-record";
export { readCaptions, detectCaptionFormat, type CaptionFileFormat } from "./read-captions";
export { extractMainObject, type MainObject } from "./extract-main-object";
export {
  ATTRIBUTE_LEXICON,
  UNCHANGED_OPTION,
  attributeKind,
  kindsWithValues,
  type AttributeKind,
} from "./attribute-lexicon";
export {
  findLexiconAttribute,
  mentionsLexiconValue,
  wordIndex,
  type FoundAttribute,
} from "./find-lexicon-attribute";
export { changeAttribute } from "./change-attribute";
export {
  oneSpanDifference,
  findCaptionDifferences,
  type CaptionDifference,
} from "./caption-difference";
export * from "./prompt-pools";
export {
  TASKS,
  TASK_KEYS,
  DEFAULT_LENGTHS,
  taskSpec,
  contextSize,
  captionsNeeded,
  trainFileName,
  validationFileName,
  planTaskRuns,
  type Family,
  type TaskKey,
  type TaskSpec,
  type TaskRun,
} from "./task-catalog";
export { type SynthesisItem, optionLetter } from "./synthesis-item";
export { renderQuestion, renderAnswer, renderPair, renderValidationRow } from "./render-item";
export {
  parseRenderedQuestion,
  parseRenderedAnswer,
  parseOptionsLine,
  type RenderedParts,
} from "./parse-rendered-item";
export { verifyPair, verifyRendered, type Verdict } from "./verify-item";
export { BalancedLetters, placeOptions } from "./balanced-letters";
export { CaptionPool, PooledCaption } from "./caption-pool";
export { generateOrderItem } from "./generate-order-item";
export { generateOrderTemplateItem } from "./generate-order-template-item";
export {
  generateAttributeItem,
  lexiconContrast,
  type AttributeContrast,
  type ContrastWriter,
} from "./generate-attribute-item";
export { generateReferringItem } from "./generate-referring-item";
export {
  createLlmContrastWriter,
  parseContrastReply,
  contrastPrompt,
  type LlmContrastOptions,
  type LlmContrastStats,
} from "./llm-attribute-contrast";
export {
  surveyCaptions,
  splitOf,
  VALIDATION_EVERY,
  type CaptionSurvey,
} from "./survey-captions";
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
  type SynthesisManifest,
  type ManifestFile,
  type WriteSynthesisOptions,
} from "./write-synthesis";
export { composeCaption, type ComposedCaption } from "./compose-captions";
export {
  loadSynthesisFolder,
  loadSynthesisFile,
  readSynthesisManifest,
  type LoadedItem,
} from "./load-synthesis-folder";
export { verifySynthesisFolder, type FolderVerification } from "./verify-synthesis-folder";
export {
  synthesisCountRows,
  answerLetterFigure,
  wordLengthFigure,
  wordCount,
} from "./synthesis-figures";
export { synthesisExampleHtml, showSynthesisExample } from "./show-synthesis-example";
export { EMBEDDED_CAPTIONS, captionSample } from "./embedded-captions";
export { annotateCaptions, type AnnotationSummary } from "./annotate-captions";
