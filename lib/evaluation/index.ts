/**
 * Evaluation: read the results of the evaluators users already run (lmms-eval, TempCompass,
 * a CSV), set them beside the paper's rows, say whether a gain over a baseline is real
 * (paired bootstrap, McNemar), measure textual validation accuracy through a model server,
 * and test the paper's text-to-video correlation on one's own runs. Notebook 07, `t3kit eval`.
 */
export type { EvaluationRow, IngestedRun, SampleOutcome } from "./evaluation-row";
export { detectResultFormat, KNOWN_FORMATS, type ResultFormat } from "./detect-result-format";
export { ingestResults } from "./ingest-results";
export {
  readLmmsEvalResults,
  type LmmsEvalResults,
  type LmmsEvalTask,
} from "./read-lmms-eval-results";
export { readLmmsEvalSamples, type LmmsEvalSamples } from "./read-lmms-eval-samples";
export { readTempCompassOutput } from "./read-tempcompass-output";
export { readScoreCsv } from "./read-score-csv";
export { KNOWN_TASKS, taskBenchmark } from "./lmms-eval-tasks";
export { benchmarkKey, dimensionKey } from "./name-keys";
export { sampleBreakdown, percentCorrect, MLVU_MACRO_TYPES } from "./sample-accuracy";
export { pickRunValue } from "./pick-run-value";
export {
  compareWithPaper,
  PAPER_BENCHMARKS,
  type BenchmarkComparison,
  type ComparedRow,
} from "./compare-with-paper";
export {
  pairedBootstrap,
  stratifiedDifference,
  type BootstrapOptions,
  type BootstrapInterval,
  type PairedOutcome,
} from "./paired-bootstrap";
export { pairedDifferences, type PairedDifference } from "./paired-differences";
export { mcnemarExactP } from "./mcnemar-exact";
export {
  correlateRuns,
  pearsonTest,
  readCorrelationCsv,
  type Correlation,
  type CorrelationInput,
} from "./correlate-runs";
export { paperCorrelationInput, paperCorrelationStated } from "./paper-correlation-points";
export { parseQuestionOptions, answerLetter } from "./parse-question-options";
export {
  readTextualItems,
  textualAccuracy,
  type TextualFileAccuracy,
  type TextualItem,
} from "./textual-accuracy";
export {
  evaluationRowsFrame,
  comparisonFrame,
  comparisonDeltaFrame,
  differencesFrame,
  correlationFrame,
} from "./evaluation-frames";
export { comparisonFigure, differencesFigure, correlationFitFigure } from "./evaluation-figures";
export { formatTextTable } from "./format-text-table";
export { evaluationExamples, evaluationExamplesDir, filesUnder } from "./evaluation-examples";
export {
  saveEvaluationOutputs,
  type EvaluationOutputs,
  type SavedEvaluation,
} from "./save-evaluation-outputs";
export { liveTextualAccuracy } from "./live-textual-accuracy";
