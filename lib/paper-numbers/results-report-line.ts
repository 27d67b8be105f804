import type { ResultsReport } from "./write-results-report";

/** The line `t3kit results` prints: what was written, and where. */
export function resultsReportLine(report: ResultsReport, out: string): string {
  return `${report.tables.length} tables, ${report.figures.length / 2} figures -> ${out}`;
}
