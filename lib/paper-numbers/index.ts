export type { Mark, Provenance, PaperColumn, PaperRow, PaperTable, RowRole } from "./paper-table";
export { loadPaperTable, loadPaperTables, validatePaperTable, paperDir } from "./load-paper-table";
export { findRow, columnIndex, cellValue, baselineRow } from "./table-lookup";
export { deltasToBaseline, roundTo, type DeltaRow } from "./deltas-to-baseline";
export {
  checkClaim,
  checkClaims,
  loadClaims,
  type Claim,
  type ClaimCheck,
  type ClaimResult,
} from "./check-claims";
export { claimsFrame } from "./claims-frame";
export { paperTableFrame, deltaFrame } from "./paper-table-frame";
export { pearson } from "./pearson";
export { correlationChecks, correlationFigure, type CorrelationCheck } from "./correlation-figure";
export { tempcompassAblationFigure } from "./tempcompass-ablation-figure";
export { baselineDeltaFigure } from "./baseline-delta-figure";
export { probingFigure } from "./probing-figure";
export { groupedBarsFigure, type BarRows, type BarsLayout } from "./grouped-bars-figure";
export {
  correlationPanelsFigure,
  type CorrelationLayout,
  type CorrelationPanel,
} from "./correlation-panels-figure";
export { resultsFigures, writeResultsReport, type ResultsReport } from "./write-results-report";
export { resultsReportLine } from "./results-report-line";
export { paperTableIndexRows } from "./paper-table-index";
