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
  /** t3kit with T3KIT_JSON_SCANNER=js (lib/json's JavaScript walkers), in the same run. */
  kitJs?: Timed[];
  identicalJs?: boolean;
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
  /** CPU seconds (user + system) of the runs above, and CPython's over t3kit's. */
  pythonCpuS: number;
  kitCpuS: number;
  cpuRatio: number;
  floorS: number;
  kitOverFloor: number;
  kitPeakMiB: number;
  pythonPeakMiB: number;
  identical: boolean;
  /** The same t3kit run with the JavaScript scanner, and how much faster the wasm one is. */
  jsKitS?: number;
  wasmGain?: number;
  jsKitCpuS?: number;
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
    pythonCpuS: round(py.cpuSeconds, 2),
    kitCpuS: round(kit.cpuSeconds, 2),
    cpuRatio: round(py.cpuSeconds / kit.cpuSeconds, 2),
    floorS: round(floor, 3),
    kitOverFloor: round(kit.wallSeconds / floor, 2),
    kitPeakMiB: Math.round(kit.peakMiB),
    pythonPeakMiB: Math.round(py.peakMiB),
    identical: r.identical && (r.identicalJs ?? true),
    ...(r.kitJs?.length
      ? {
          jsKitS: best(r.kitJs).wallSeconds,
          wasmGain: round(best(r.kitJs).wallSeconds / kit.wallSeconds, 2),
          jsKitCpuS: round(best(r.kitJs).cpuSeconds, 2),
        }
      : {}),
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
    "CPU py/kit s",
    "CPU ratio",
    "JS scanner s (CPU)",
    "wasm gain",
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
      `${s.pythonCpuS.toFixed(1)}/${s.kitCpuS.toFixed(1)}`,
      `${s.cpuRatio.toFixed(1)}x`,
      s.jsKitS === undefined ? "-" : `${s.jsKitS.toFixed(2)} (${s.jsKitCpuS?.toFixed(1)})`,
      s.wasmGain === undefined ? "-" : `${s.wasmGain.toFixed(2)}x`,
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

/** Issue #25's targets per job: times CPython quiet and with a core busy, times the write floor. */
const TARGETS: Record<RowSummary["job"], { ratio: number; busy: number; floor: number | null }> = {
  reference: { ratio: 10, busy: 6, floor: 8 },
  "mix run": { ratio: 6, busy: 0, floor: null },
};

/**
 * The targets of issue #25 per case: `mix reference` >= 10x CPython, >= 6x with a core
 * busy, <= 8x the write floor; `mix run` >= 6x CPython; every output byte-identical; peak
 * RSS no higher than the baseline's (with --baseline). A target missed says by how much.
 */
export function formatTargets(rows: RowSummary[], baseline?: Map<string, number>): string[] {
  const pf = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const out = [
    `targets (issue #25): mix reference >= ${TARGETS.reference.ratio}x CPython, >= ${TARGETS.reference.busy}x with one core busy, <= ${TARGETS.reference.floor}x the write floor; mix run >= ${TARGETS["mix run"].ratio}x CPython; byte-identical; peak RSS <= baseline${baseline ? ` (x${RSS_TOLERANCE} for noise)` : " (give --baseline FILE with an earlier BENCH_JSON line)"}; a FAIL gives the factor still missing`,
  ];
  const short = (got: number, want: number) =>
    got >= want ? "" : ` (${(want / got).toFixed(2)}x short)`;
  const quiet = rows.filter((r) => !r.busy);
  for (const q of quiet) {
    const want = TARGETS[q.job];
    const busy = rows.find((r) => r.busy && r.case === q.case && r.job === q.job);
    const parts = [
      `${want.ratio}x ${pf(q.ratio >= want.ratio)} ${q.ratio.toFixed(1)}x${short(q.ratio, want.ratio)}`,
    ];
    if (want.busy > 0)
      parts.push(
        busy
          ? `${want.busy}x busy ${pf(busy.ratio >= want.busy)} ${busy.ratio.toFixed(1)}x${short(busy.ratio, want.busy)}`
          : `${want.busy}x busy n/a (no --busy)`,
      );
    if (want.floor !== null)
      parts.push(
        `<=${want.floor}x floor ${pf(q.kitOverFloor <= want.floor)} ${q.kitOverFloor.toFixed(1)}x${q.kitOverFloor <= want.floor ? "" : ` (${(q.kitOverFloor / want.floor).toFixed(2)}x over)`}`,
      );
    parts.push(`identical ${pf(q.identical && (busy?.identical ?? true))}`);
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
