/**
 * Which files of a Video-T3-QA folder are training data: the released files are all named
 * `temp_qa_<task>_train….json`. A synthesised folder also holds validation JSONL
 * (`<task>_val….jsonl`) and `manifest.json`, which are not training records.
 */
export function isT3TrainingFile(name: string): boolean {
  return /^temp_qa_.+\.json$/.test(name) && name.includes("_train");
}
