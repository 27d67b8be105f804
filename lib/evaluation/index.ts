/**
 * Evaluation: read the results of the evaluators users already run (lmms-eval, TempCompass,
 * a CSV), set them beside the paper's rows, say whether a gain over a baseline is real
 * (paired bootstrap, McNemar), measure textual validation accuracy through a model server,
 * and test the paper's text-to-video correlation on one's own runs. Notebook 07, `t3kit eval`.
 */
export type { EvaluationRow, IngestedRun, SampleOutcome } from "./evaluation-row";
export { detectResultFormat, KNOWN_FORMATS, type ResultFormat } from "./read/detect-result-format";
export { ingestResults, ingestRuns, type RunFiles } from "./read/ingest-results";
export {
  readLmmsEvalResults,
  type LmmsEvalResults,
  type LmmsEvalTask,
} from "./read/read-lmms-eval-results";
export {
  MLVU_TASK_TYPES,
  readLmmsEvalSamples,
  type LmmsEvalSamples,
} from "./read/read-lmms-eval-samples";
export { readTempCompassOutput } from "./read/read-tempcompass-output";
export { readScoreCsv } from "./read/read-score-csv";
export { KNOWN_TASKS, taskBenchmark } from "./read/lmms-eval-tasks";
export { benchmarkKey, dimensionKey } from "./read/name-keys";
export { sampleBreakdown, percentCorrect, MLVU_MACRO_TYPES } from "./read/sample-accuracy";
export { pickRunValue } from "./compare/pick-run-value";
export {
  compareRuns,
  type CompareOptions,
  differencesToBaseline,
  type RunComparison,
} from "./compare/compare-runs";
export {
  compareWithPaper,
  PAPER_BENCHMARKS,
  type BenchmarkComparison,
  type ComparedRow,
} from "./compare/compare-with-paper";
export {
  pairedBootstrap,
  stratifiedDifference,
  type BootstrapOptions,
  type BootstrapInterval,
  type PairedOutcome,
} from "./stats/paired-bootstrap";
export { pairedDifferences, type PairedDifference } from "./stats/paired-differences";
export { mcnemarExactP } from "./stats/mcnemar-exact";
export {
  correlateCsvFile,
  correlateRuns,
  pearsonTest,
  readCorrelationCsv,
  type Correlation,
  type CorrelationInput,
  type RunsCorrelation,
} from "./stats/correlate-runs";
export {
  paperCorrelationInput,
  paperCorrelationStated,
  paperPointsCorrelation,
} from "./stats/paper-correlation-points";
export { parseQuestionOptions, answerLetter } from "./textual/parse-question-options";
export {
  readTextualItems,
  textualAccuracy,
  type TextualFileAccuracy,
  type TextualItem,
} from "./textual/textual-accuracy";
export {
  evaluationRowsFrame,
  comparisonFrame,
  comparisonDeltaFrame,
  differencesFrame,
  correlationFrame,
  textualAccuracyFrame,
} from "./show/evaluation-frames";
export {
  comparisonFigure,
  differencesFigure,
  correlationFitFigure,
} from "./show/evaluation-figures";
export { formatTextTable } from "./show/format-text-table";
export {
  formatCompareOutput,
  formatCorrelateOutput,
  formatIngestOutput,
  formatTextualOutput,
} from "./show/format-eval-output";
export { headlineRows } from "./show/evaluation-records";
export { formatRunsSummary } from "./show/format-runs-summary";
export { evaluationExamples, evaluationExamplesDir, filesUnder } from "./read/evaluation-examples";
export { evaluationInputs, type EvaluationInputs } from "./read/evaluation-inputs";
export {
  saveEvaluationOutputs,
  type EvaluationOutputs,
  type SavedEvaluation,
} from "./show/save-evaluation-outputs";
export { liveTextualAccuracy } from "./textual/live-textual-accuracy";
