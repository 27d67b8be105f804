export type { ConversationTurn, LlavaRecord, T3Pair, T3ValidationRow } from "./llava-record";
export { isT3TrainingFile } from "./t3-file-names";
export {
  checkLlavaRecordShape,
  llavaRecordProblem,
  type RecordProblem,
} from "./check-llava-record";
