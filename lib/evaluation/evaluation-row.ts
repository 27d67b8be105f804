/**
 * The evaluation stage's records. Users evaluate with the tools they already have
 * (lmms-eval, TempCompass's own scripts, a spreadsheet); every number read from them becomes
 * one tidy row that keeps where it came from, because the same checkpoint scores differently
 * under another evaluator version, frame count or model argument.
 */

/** One reported or recomputed number of one run. */
export interface EvaluationRow {
  /** The user's name for the run (`--run NAME`). */
  run: string;
  /** "tempcompass" (multi-choice), "videomme", "mlvu", or the evaluator's task name. */
  benchmark: string;
  /** "overall", "short", "temporal_reasoning", "ao", "avg", … (snake_case). */
  dimension: string;
  /** The evaluator's own metric key (`videomme_percetion_score,none`), or "accuracy". */
  metric: string;
  /** Percent (0-100), as the evaluators and the paper report it. */
  value: number;
  /** Questions behind the value, when the source says; null otherwise. */
  n: number | null;
  /** "lmms-eval", "TempCompass", "csv". */
  evaluator: string;
  /** Evaluator version: lmms-eval git hash and task version, script name … ("" when unknown). */
  version: string;
  /** Settings that change scores: model, model args (frames), generation kwargs, limit. */
  settings: string;
  /** The file the value was read from (for recomputed values: the samples file). */
  source: string;
}

/** One question of one run: enough to pair runs question by question. */
export interface SampleOutcome {
  benchmark: string;
  /** Stable across runs of the same benchmark (question_id, else doc_id). */
  key: string;
  correct: boolean;
  /** The breakdowns this question counts in, besides the overall one (e.g. "short"). */
  groups: string[];
}

/** What `ingestResults` reads for one run. */
export interface IngestedRun {
  run: string;
  rows: EvaluationRow[];
  /** Per-question outcomes by benchmark; absent benchmarks have only aggregate numbers. */
  samples: Map<string, SampleOutcome[]>;
  /** What the files lack that a full run has (a --limit run's unasked dimensions …). */
  notes?: string[];
}
