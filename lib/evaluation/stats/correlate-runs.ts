import tCdf from "@stdlib/stats-base-dists-t-cdf";
import Papa from "papaparse";
import { InputError } from "../../errors/index";
import { pearson } from "../../paper-numbers/index";
import { parseDecimal } from "../read/parse-decimal";
import { readInputFile } from "../read/read-input-file";

export interface Correlation {
  /** Pearson's r. */
  r: number;
  /** Two-sided p-value of the t-test of r = 0 (n - 2 degrees of freedom). */
  p: number;
  /** Runs with both values. */
  n: number;
}

/** A correlation analysis as notebooks show and save it: its input, results and title. */
export interface RunsCorrelation {
  input: CorrelationInput;
  results: Record<string, Correlation>;
  /** The paper's printed r and p per benchmark, where given. */
  stated?: Record<string, { r: number; p: number }>;
  title: string;
}

/** Runs' textual validation accuracy and one column per video benchmark. */
export interface CorrelationInput {
  runs: string[];
  textual: number[];
  /** Per benchmark, one value per run; null where that run has no value. */
  benchmarks: Map<string, (number | null)[]>;
}

/**
 * Pearson's r and its two-sided p-value, the statistics the paper prints in its correlation
 * plots (r = 0.89 TempCompass, 0.85 MLVU, 0.59 Video-MME). The t distribution's CDF is
 * stdlib's; at least three points are needed, and a constant column has no r.
 */
export function pearsonTest(
  xs: number[],
  ys: number[],
  where: { file: string; field: string },
): Correlation {
  const n = xs.length;
  if (n < 3) throw new InputError(where, `${n} runs with values; a correlation needs at least 3`);
  const constant = (v: number[]) => v.every((x) => x === v[0]);
  if (constant(xs) || constant(ys))
    throw new InputError(where, "all values are equal: no correlation");
  const r = Math.max(-1, Math.min(1, pearson(xs, ys)));
  const df = n - 2;
  const t = (r * Math.sqrt(df)) / Math.sqrt(1 - r * r);
  // The lower tail of -|t|, doubled: 1 - cdf would lose small p-values to rounding.
  const p = Math.abs(r) === 1 ? 0 : Math.min(1, 2 * tCdf(-Math.abs(t), df));
  return { r, p, n };
}

/** Each benchmark's correlation with textual accuracy, over the runs that have both. */
export function correlateRuns(input: CorrelationInput, file: string): Record<string, Correlation> {
  const out: Record<string, Correlation> = {};
  for (const [benchmark, values] of input.benchmarks) {
    const xs: number[] = [];
    const ys: number[] = [];
    values.forEach((y, i) => {
      if (y === null) return;
      xs.push(input.textual[i]);
      ys.push(y);
    });
    out[benchmark] = pearsonTest(xs, ys, { file, field: benchmark });
  }
  return out;
}

/**
 * Reads the correlate CSV: `run`, `textual`, then one column per benchmark (any scale, one
 * scale per column). An empty cell means that run was not evaluated on that benchmark; a
 * non-number, a missing textual value or a repeated run is refused, naming line and column.
 */
export function readCorrelationCsv(text: string, file: string): CorrelationInput {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  if (columns[0] !== "run" || columns[1] !== "textual") {
    throw new InputError(
      { file, record: 1, recordKind: "line" },
      `expected the columns run,textual,<benchmark>…; got ${columns.join(",")}`,
    );
  }
  const benchmarks = columns.slice(2);
  if (benchmarks.length === 0)
    throw new InputError(
      { file, record: 1, recordKind: "line" },
      "no benchmark column after run,textual",
    );
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup !== undefined)
    throw new InputError({ file, record: 1, recordKind: "line", field: dup }, "repeated column");
  if (parsed.errors[0]) {
    const e = parsed.errors[0];
    throw new InputError(
      { file, record: (e.row ?? 0) + 2, recordKind: "line" },
      `CSV: ${e.message}`,
    );
  }
  const input: CorrelationInput = {
    runs: [],
    textual: [],
    benchmarks: new Map(benchmarks.map((b) => [b, []])),
  };
  parsed.data.forEach((row, i) => {
    const at = (field: string) => ({ file, record: i + 2, recordKind: "line" as const, field });
    const number = (c: string, required: boolean): number | null => {
      const s = (row[c] ?? "").trim();
      if (s === "" && !required) return null;
      const v = parseDecimal(s);
      if (v === null)
        throw new InputError(at(c), `expected a number, got ${JSON.stringify(row[c] ?? "")}`);
      return v;
    };
    const run = (row.run ?? "").trim();
    if (run === "") throw new InputError(at("run"), "empty run name");
    if (input.runs.includes(run)) throw new InputError(at("run"), `run "${run}" appears twice`);
    input.runs.push(run);
    input.textual.push(number("textual", true)!);
    for (const b of benchmarks) input.benchmarks.get(b)!.push(number(b, false));
  });
  return input;
}

/**
 * `t3kit eval correlate`: the correlate CSV (a local or `hub:` path) read and each
 * benchmark's correlation with textual accuracy computed.
 */
export async function correlateCsvFile(file: string): Promise<Record<string, Correlation>> {
  const { path, text } = await readInputFile(file);
  return correlateRuns(readCorrelationCsv(text, path), path);
}
