export type { ConversationTurn, LlavaRecord, T3Pair, T3ValidationRow } from "./llava-record";
export {
  DEFAULT_LENGTHS,
  T3_FILES,
  T3_TASKS,
  TASK_KEYS,
  isT3TrainingFile,
  t3FamilyAndLength,
  t3IdPrefix,
  t3Task,
  t3TaskOfFile,
  trainFileName,
  validationFileName,
  type Family,
  type T3FamilyLength,
  type T3File,
  type T3Task,
  type T3TaskLength,
  type TaskKey,
} from "./t3-vocabulary";
export type {
  MixManifest,
  MixManifestInput,
  SynthesisManifest,
  SynthesisManifestFile,
} from "./manifests";
export { STAGE_SOURCES, type StageSources } from "./stage-inputs";
export {
  checkLlavaRecordShape,
  llavaRecordProblem,
  type RecordProblem,
} from "./check-llava-record";
export {
  llavaFactsInBytes,
  llavaFactsOf,
  llavaShapeProblemInBytes,
  type LlavaRecordFacts,
} from "./llava-shape-in-bytes";
