/**
 * What `npm run bench:mix` prints: one table row per measured job, every run, the machine,
 * the issue's targets with PASS/FAIL, and a `BENCH_JSON {...}` line to paste (and to give a
 * later run as `--baseline`, which compares peak memory with it).
 */
import { readFileSync } from "node:fs";
import type { Timed } from "./mix-bench-measure";

/** One row: a job (`mix reference` or `mix run`) on one case, quiet or with a core busy. */
export interface Row {
  case: string;
  job: "reference" | "mix run";
  busy: boolean;
  inputBytes: number;
  outputBytes: number;
  kit: Timed[];
  python: Timed[];
  floors: number[];
  identical: boolean;
}

const best = (xs: Timed[]) => xs.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a));

export interface RowSummary {
  case: string;
  job: Row["job"];
  busy: boolean;
  inputMB: number;
  outputMB: number;
  pythonS: number;
  kitS: number;
  ratio: number;
  floorS: number;
  kitOverFloor: number;
  kitPeakMiB: number;
  pythonPeakMiB: number;
  identical: boolean;
  runs: { kitS: number[]; pythonS: number[]; floorS: number[] };
}

const round = (x: number, d: number) => Number(x.toFixed(d));

export function summarize(r: Row): RowSummary {
  const kit = best(r.kit);
  const py = best(r.python);
  const floor = Math.min(...r.floors);
  return {
    case: r.case,
    job: r.job,
    busy: r.busy,
    inputMB: round(r.inputBytes / 1e6, 1),
    outputMB: round(r.outputBytes / 1e6, 1),
    pythonS: py.wallSeconds,
    kitS: kit.wallSeconds,
    ratio: round(py.wallSeconds / kit.wallSeconds, 2),
    floorS: round(floor, 3),
    kitOverFloor: round(kit.wallSeconds / floor, 2),
    kitPeakMiB: Math.round(kit.peakMiB),
    pythonPeakMiB: Math.round(py.peakMiB),
    identical: r.identical,
    runs: {
      kitS: r.kit.map((t) => t.wallSeconds),
      pythonS: r.python.map((t) => t.wallSeconds),
      floorS: r.floors.map((s) => round(s, 3)),
    },
  };
}

export const rowLabel = (s: Pick<RowSummary, "case" | "job" | "busy">) =>
  `${s.case} ${s.job}${s.busy ? " busy" : ""}`;

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join("  "),
  );
}

export function formatTable(rows: RowSummary[]): string[] {
  const head = [
    "case",
    "input MB",
    "output MB",
    "CPython s",
    "t3kit s",
    "ratio",
    "floor s",
    "kit/floor",
    "RSS kit MiB",
    "RSS py MiB",
    "byte-identical",
  ];
  return table([
    head,
    ...rows.map((s) => [
      rowLabel(s),
      s.inputMB.toFixed(1),
      s.outputMB.toFixed(1),
      s.pythonS.toFixed(2),
      s.kitS.toFixed(2),
      `${s.ratio.toFixed(1)}x`,
      s.floorS.toFixed(3),
      `${s.kitOverFloor.toFixed(1)}x`,
      String(s.kitPeakMiB),
      String(s.pythonPeakMiB),
      s.identical ? "yes" : "NO",
    ]),
  ]);
}

export function formatRuns(rows: RowSummary[]): string[] {
  const list = (xs: number[], d: number) => xs.map((x) => x.toFixed(d)).join(", ");
  return rows.map(
    (s) =>
      `  ${rowLabel(s)}: t3kit ${list(s.runs.kitS, 2)}; python ${list(s.runs.pythonS, 2)}; floor ${list(s.runs.floorS, 3)}`,
  );
}

/** Peak RSS of the kit per row label, from a file holding a BENCH_JSON line (or its JSON). */
export function readBaseline(file: string): Map<string, number> {
  const text = readFileSync(file, "utf8");
  const line = text.split("\n").find((l) => l.startsWith("BENCH_JSON ")) ?? text;
  const json = JSON.parse(line.replace(/^BENCH_JSON /, "")) as { rows: RowSummary[] };
  return new Map(json.rows.map((r) => [rowLabel(r), r.kitPeakMiB]));
}

/** Peak RSS may be this much above the baseline's and still count as "no higher" (run-to-run noise). */
export const RSS_TOLERANCE = 1.05;

/**
 * The targets of issue #15, per case, for `mix reference` (and the same thresholds for
 * `mix run`, for information): >= 10x CPython, >= 5x with a core busy, <= 3x the write
 * floor, byte-identical, peak RSS no higher than the baseline's (with --baseline).
 */
export function formatTargets(rows: RowSummary[], baseline?: Map<string, number>): string[] {
  const pf = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const out = [
    `targets (issue #15, for mix reference; mix run lines use the same thresholds, for information): >= 10x CPython, >= 5x with one core busy, <= 3x the write floor, byte-identical, peak RSS <= baseline${baseline ? ` (x${RSS_TOLERANCE} for noise)` : " (give --baseline FILE with an earlier BENCH_JSON line)"}`,
  ];
  const quiet = rows.filter((r) => !r.busy);
  for (const q of quiet) {
    const busy = rows.find((r) => r.busy && r.case === q.case && r.job === q.job);
    const parts = [
      `10x ${pf(q.ratio >= 10)} ${q.ratio.toFixed(1)}x`,
      busy ? `5x busy ${pf(busy.ratio >= 5)} ${busy.ratio.toFixed(1)}x` : "5x busy n/a (no --busy)",
      `<=3x floor ${pf(q.kitOverFloor <= 3)} ${q.kitOverFloor.toFixed(1)}x`,
      `identical ${pf(q.identical && (busy?.identical ?? true))}`,
    ];
    const before = baseline?.get(rowLabel(q));
    parts.push(
      before === undefined
        ? `memory n/a (${q.kitPeakMiB} MiB${baseline ? ", not in the baseline" : ""})`
        : `memory ${pf(q.kitPeakMiB <= before * RSS_TOLERANCE)} ${q.kitPeakMiB} vs ${before} MiB`,
    );
    out.push(`  ${`${q.case} ${q.job}`.padEnd(28)} ${parts.join(" | ")}`);
  }
  return out;
}
