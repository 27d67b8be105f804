/**
 * The front page: out/index.html over every stage of the reproduction (`t3kit report`,
 * and the end of `make run`).
 */
export { STAGE_CATALOGUE, type StageEntry, type OutPattern } from "./stage-catalogue";
export { findOutFiles, outPatternRegExp } from "./find-out-files";
export {
  manifestFacts,
  distinctSeeds,
  type ManifestFact,
  type ManifestFacts,
} from "./manifest-facts";
export {
  collectStageReports,
  pickKeyFigure,
  notebookDataLine,
  type FigureFiles,
  type ManifestSummary,
  type StageReport,
  type StageStatus,
} from "./collect-stage-reports";
export { frontPageHtml, relativeHref } from "./front-page-html";
export { writeFrontPage, type FrontPage, type FrontPageOptions } from "./write-front-page";
export { frontPageLine } from "./front-page-line";
export {
  runAllNotebooks,
  notebookTimeLine,
  notebooksRunLine,
  type NotebooksRun,
  type NotebooksRunOptions,
} from "./run-all-notebooks";
