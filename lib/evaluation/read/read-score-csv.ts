import Papa from "papaparse";
import { InputError } from "../../errors/index";
import type { EvaluationRow } from "../evaluation-row";
import { benchmarkKey, dimensionKey } from "./name-keys";
import { parseDecimal } from "./parse-decimal";

const REQUIRED = ["benchmark", "dimension", "value"];
const OPTIONAL = ["metric", "n"];

/**
 * Reads a plain CSV `benchmark,dimension,value[,metric][,n]` (percent values). Benchmark and
 * dimension names are normalised ("Video-MME" → videomme, "Temporal Reasoning" →
 * temporal_reasoning). An unknown column, an empty or non-numeric value, or a repeated
 * (benchmark, dimension, metric) is refused, naming the file, line and column.
 */
export function readScoreCsv(text: string, file: string, run: string): EvaluationRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  for (const c of columns) {
    if (![...REQUIRED, ...OPTIONAL].includes(c)) {
      throw new InputError(
        { file, record: 1, recordKind: "line", field: c },
        `unknown column; expected ${REQUIRED.join(",")} and optionally ${OPTIONAL.join(", ")}`,
      );
    }
  }
  const bad = parsed.errors[0];
  if (bad) {
    throw new InputError(
      { file, record: (bad.row ?? 0) + 2, recordKind: "line" },
      `CSV: ${bad.message}`,
    );
  }
  const seen = new Set<string>();
  return parsed.data.map((r, i) => {
    const at = (field: string) => ({ file, record: i + 2, recordKind: "line" as const, field });
    const cell = (c: string) => (r[c] ?? "").trim();
    for (const c of ["benchmark", "dimension"]) {
      if (cell(c) === "") throw new InputError(at(c), "empty");
    }
    const value = parseDecimal(cell("value"));
    if (value === null) {
      throw new InputError(at("value"), `expected a number, got ${JSON.stringify(r.value ?? "")}`);
    }
    // Scores are percents (EvaluationRow.value); 1e300 or -5 is a broken cell, not a score.
    if (value < 0 || value > 100) {
      throw new InputError(at("value"), `expected a percent score (0-100), got ${cell("value")}`);
    }
    const n = cell("n") === "" ? null : parseDecimal(cell("n"));
    if (n !== null && !(Number.isInteger(n) && n > 0)) {
      throw new InputError(at("n"), `expected a positive integer, got ${JSON.stringify(r.n)}`);
    }
    const row: EvaluationRow = {
      run,
      benchmark: benchmarkKey(cell("benchmark")),
      dimension: dimensionKey(cell("dimension")),
      metric: cell("metric") || "accuracy",
      value,
      n,
      evaluator: "csv",
      version: "",
      settings: "",
      source: file,
    };
    if (row.benchmark === "") throw new InputError(at("benchmark"), "no letters or digits");
    if (row.dimension === "") throw new InputError(at("dimension"), "no letters or digits");
    const id = `${row.benchmark}/${row.dimension}/${row.metric}`;
    if (seen.has(id)) throw new InputError(at("dimension"), `${id} appears twice`);
    seen.add(id);
    return row;
  });
}
