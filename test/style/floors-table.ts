/**
 * The floors of lib/: the architecture as data. The floors test enforces it, and README's
 * "Layout" and ARCHITECTURE.md's floor list are rendered from it (`npm run docs:floors`
 * rewrites them; the test fails when either differs from the rendering).
 */

export type FloorKind = "stage" | "beside" | "data" | "floor" | "classroom";

export interface FloorEntry {
  folder: string;
  kind: FloorKind;
  /** One line: what the folder holds. */
  about: string;
}

/** The stages in the order data flows; each may import floors and the stages before it. */
export const STAGES: FloorEntry[] = [
  { folder: "synthesis", kind: "stage", about: "T3's textual temporal QA from image captions" },
  { folder: "mixing", kind: "stage", about: "the reference recipe, mix specs, plans and runs" },
  { folder: "tokens", kind: "stage", about: "token summaries, length filters, reports" },
  {
    folder: "training",
    kind: "stage",
    about: "the released runs as presets; configs, converters, launch, curves",
  },
  {
    folder: "evaluation",
    kind: "stage",
    about: "the user's runs read, compared with the paper, tested, correlated",
  },
  { folder: "report", kind: "stage", about: "the front page (out/index.html) over every stage" },
];

/** Beside the flow: imports floors and the paper's numbers only. */
export const BESIDE: FloorEntry[] = [
  {
    folder: "probing",
    kind: "beside",
    about: "probing videos, features, linear and LSTM probes, asking a model",
  },
];

/** Above every stage: lessons' exercises derive their answers from any of them; nothing imports it. */
export const CLASSROOM: FloorEntry[] = [
  {
    folder: "teaching",
    kind: "classroom",
    about: "exercises and self-checks, releasing students' copies, grading them",
  },
];

/** The paper's reported numbers: data any stage may read; imports floors only. */
export const DATA: FloorEntry[] = [
  {
    folder: "paper-numbers",
    kind: "data",
    about: "the paper's reported numbers (data/paper/*.json), tables, figures, claims",
  },
];

/** Shared floors: any module may import them; they import only other floors. */
export const FLOORS: FloorEntry[] = [
  {
    folder: "records",
    kind: "floor",
    about: "contracts between stages: record formats, T3 vocabulary, stage inputs, manifests",
  },
  {
    folder: "specs",
    kind: "floor",
    about: "spec files: YAML read as PyYAML reads it, fields checked by path",
  },
  { folder: "errors", kind: "floor", about: "InputError: one line naming file, record, field" },
  { folder: "files", kind: "floor", about: "atomic writes, temp files, outputs never over inputs" },
  { folder: "paths", kind: "floor", about: "the project's folders (data/, out/)" },
  { folder: "json", kind: "floor", about: "JSON exactly as Python's json module reads and writes" },
  { folder: "pyrandom", kind: "floor", about: "Python's random (Mersenne Twister), bit for bit" },
  { folder: "threads", kind: "floor", about: "worker threads on the library's modules" },
  { folder: "progress", kind: "floor", about: "one shape for a long step's progress" },
  { folder: "processes", kind: "floor", about: "children ended with the command (signals)" },
  { folder: "http", kind: "floor", about: "HTTP calls retried one way: RetryPolicy, Retry-After" },
  { folder: "hub", kind: "floor", about: "the Hugging Face Hub: hub: paths, downloads, cache" },
  { folder: "plots", kind: "floor", about: "plotly figures, HTML pages, PNGs through Chromium" },
  { folder: "tables", kind: "floor", about: "tables as DataFrames, HTML and CSV" },
  {
    folder: "statistics",
    kind: "floor",
    about: "percentiles as numpy computes them, least squares",
  },
  {
    folder: "token-counting",
    kind: "floor",
    about: "tokenizers, chat templates, visual tokens, counting workers",
  },
  { folder: "model-server", kind: "floor", about: "an OpenAI-compatible chat client with a cache" },
  { folder: "answer-scoring", kind: "floor", about: "multiple-choice answers read from replies" },
  { folder: "notebooks", kind: "floor", about: "notebooks run headless through Jupyter" },
];

export const FLOORS_TABLE: FloorEntry[] = [...STAGES, ...BESIDE, ...CLASSROOM, ...DATA, ...FLOORS];

export function entryOf(folder: string): FloorEntry | undefined {
  return FLOORS_TABLE.find((e) => e.folder === folder);
}

/** Why lib/`from` may not import lib/`to`, or undefined when it may. */
export function floorViolation(from: string, to: string): string | undefined {
  if (from === to) return undefined;
  const a = entryOf(from);
  const b = entryOf(to);
  if (!a || !b) return `${!a ? from : to} is not placed in the floors table`;
  if (b.kind === "floor") return undefined;
  if (b.kind === "classroom") return `${from} imports ${to}, which only notebooks and the CLI may`;
  if (a.kind === "classroom") return undefined;
  if (a.kind === "floor") return `the shared floor ${from} imports ${to}`;
  if (b.kind === "data") return undefined;
  if (a.kind === "data") return `the paper's numbers (${from}) import the stage ${to}`;
  if (a.kind === "beside") return `${from} (beside the flow) imports the stage ${to}`;
  if (b.kind === "beside") return `${from} imports ${to}, which stands beside the flow`;
  const rank = (e: FloorEntry) => STAGES.indexOf(e);
  if (rank(b) > rank(a)) return `${from} imports the later stage ${to}`;
  return undefined;
}
