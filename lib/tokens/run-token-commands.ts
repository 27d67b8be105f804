/**
 * The three `t3kit tokens` runs as library calls, each timed, each with the text the command
 * prints: `count` (rows to a file or a stream, a summary), `filter` (the records that fit,
 * a report per source, the report file), `report` (tables and figures of one or more mixes).
 */
import { writeFileAtomic } from "../files/index";
import type { OnProgress } from "../progress/index";
import type { LengthPreset, TokenCountRow } from "../token-counting/index";
import type { ParallelCountOptions } from "../token-counting/index";
import { type FilterReport, filterRecordsByTokens } from "./filter-records-by-tokens";
import { formatTokenSummary } from "./summarize-token-counts";
import { type TokenCountOutput, writeTokenCounts } from "./write-token-counts";
import type { TokenReport } from "./write-token-report";

type CountOptions = Omit<ParallelCountOptions, "file">;

export interface TokenCountRun {
  file: string;
  rows: TokenCountRow[];
  options: CountOptions;
  seconds: number;
}

export async function runTokenCount(
  file: string,
  options: CountOptions,
  output: TokenCountOutput,
): Promise<TokenCountRun> {
  const started = performance.now();
  const rows = await writeTokenCounts(file, options, output);
  return { file, rows, options, seconds: (performance.now() - started) / 1000 };
}

/** The summary `tokens count` writes to stderr. */
export function tokenCountSummary(run: TokenCountRun): string {
  const lf = run.options.visual?.llamaFactory;
  const rules = lf ? `, LLaMA-Factory v${lf.version} image and video sizes` : "";
  const label = `${run.file} [${run.options.tokenizer}, ${run.options.template} template${rules}]`;
  return `${formatTokenSummary(run.rows, label)}\n  ${run.seconds.toFixed(1)} s`;
}

export interface TokenFilterRun extends FilterReport {
  preset?: LengthPreset;
  /** The LLaMA-Factory tag whose image and video rules counted (a LLaMA-Factory preset). */
  llamaFactoryVersion?: string;
}

export interface TokenFilterOptions {
  input: string;
  output: string;
  maxTokens: number;
  preset?: LengthPreset;
  options: CountOptions;
  /** Also written: the report as JSON (atomically). */
  reportFile?: string;
  onProgress?: OnProgress;
}

export async function runTokenFilter(o: TokenFilterOptions): Promise<TokenFilterRun> {
  const report = await filterRecordsByTokens(
    o.input,
    o.output,
    o.maxTokens,
    o.options,
    o.onProgress,
  );
  const llamaFactoryVersion = o.options.visual?.llamaFactory?.version;
  const rules = llamaFactoryVersion === undefined ? {} : { llamaFactoryVersion };
  if (o.reportFile) {
    await writeFileAtomic(
      o.reportFile,
      `${JSON.stringify({ ...report, preset: o.preset?.name ?? null, ...rules }, null, 2)}\n`,
    );
  }
  return { ...report, preset: o.preset, ...rules };
}

/** What `tokens filter` writes to stderr: kept and dropped, per source. */
export function tokenFilterSummary(run: TokenFilterRun): string {
  const rules = run.llamaFactoryVersion
    ? `; images and videos as LLaMA-Factory v${run.llamaFactoryVersion} sizes them`
    : "";
  const preset = run.preset ? `, preset ${run.preset.name}: ${run.preset.source}${rules}` : "";
  return [
    `kept ${run.kept} of ${run.records} records (≤ ${run.maxTokens} tokens${preset}) -> ${run.output}`,
    `dropped ${run.dropped} (${(100 * run.droppedShare).toFixed(2)}%)`,
    ...run.bySource.map(
      (s) =>
        `  ${s.source}: dropped ${s.dropped} of ${s.records} (${(100 * s.droppedShare).toFixed(2)}%)`,
    ),
  ].join("\n");
}

/** What `tokens report` prints: both tables (stdout) and the files written (stderr). */
export function tokenReportSummary(report: TokenReport): { tables: string; written: string } {
  return {
    tables: `${report.byMix.toString()}\n${report.bySource.toString()}`,
    written: `wrote ${report.written.join("\n      ")}`,
  };
}
