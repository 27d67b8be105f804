/**
 * Mix specs: a small typed file (YAML or JSON) that says which sources make a mix and how
 * much of each, validated with errors that name the field path (`sources[2].count`).
 *
 * One knob per source (as mosaic streaming's Stream(proportion | repeat | choose)):
 * - `count: N` records; `count: "per"` = the spec's `per` (the released script's
 *   `text_dataset_limit`); `count: "lRatio"` = (number of text sources) × per × lRatio
 *   (the paper's rule for LLaVA-NeXT image records); `count: "ratio"` with `ratioOf:
 *   SOURCE` = floor(that source's count × ratio) (the Qwen video : T3 ratios);
 * - `fraction: f` of the source's records;
 * - `proportion: p` of the mix's `total`.
 * Token budgets (a share of training tokens rather than of records; see draw-token-budget.ts):
 * - `count: { tokens: N }`: N training tokens (the sequence length training sees: text,
 *   chat template and visual tokens, counted with lib/tokens under the spec's `tokens:`);
 * - `proportion: { tokens: p }`: p of the spec's `tokens.total`.
 * Records are taken in the source's seeded order while the running sum stays within the
 * budget; the first record that would exceed it ends the source (none is skipped, so short
 * records are not favoured). If not even the first record fits, that one record is taken.
 * A spec with token knobs has no record `total` (a random record cut would break budgets).
 * Exhaustion (a source asked for more than it holds), stated per source:
 * - `onExhausted: "error"` (the default for explicit counts, fractions and proportions):
 *   the plan fails and says by how much;
 * - `"truncate"`: take all it holds (Python slicing, the default for "per" / "lRatio" /
 *   "ratio", as in the released script);
 * - `"repeat"`: whole reshuffled passes, then a partial pass, at most `maxRepeats` passes;
 * - or `replacement: true`: independent draws (at most `maxRepeats` of one record).
 * Compare: HF `interleave_datasets` stops at the first exhausted source
 * (first_exhausted) or oversamples until all are seen (all_exhausted); LLaMA-Factory's
 * interleave_under / interleave_over do the same, and its `num_samples` tops up with
 * replacement silently. Here nothing happens silently: the plan shows every repeat.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { InputError } from "../errors/index";
import { lengthPreset, lengthPresets } from "../tokens/length-presets";
import { type TemplateName, templateNames } from "../tokens/plan-record-tokens";
import { tokenizerNames } from "../tokens/text-tokenizer";
import { type VisionModel, type VisualSettings, visionModels } from "../tokens/visual-settings";
import { MIX_FORMATS, type MixFormat } from "./write-mix-file";

export type SourceKind = "llava" | "t3" | "hotpotqa";
export type Exhaustion = "error" | "truncate" | "repeat";

export interface SourceSpec {
  name: string;
  /** How records become LLaVA records: as they are, T3 pairs → records, HotpotQA → records. */
  kind: SourceKind;
  /** A file, a folder (T3: every T3 file in it), or `hub:owner/name/path/in/repo`. */
  path: string;
  count?: number | "per" | "lRatio" | "ratio" | TokenKnob;
  fraction?: number;
  proportion?: number | TokenKnob;
  /** For `count: "ratio"`: the source whose count the ratio multiplies. */
  ratioOf?: string;
  replacement?: boolean;
  /** Most passes (without replacement) or most copies of one record (with). Default 1. */
  maxRepeats?: number;
  onExhausted?: Exhaustion;
  /** "image" sources get the lRatio rule; default: llava → image, others → text. */
  role?: "image" | "text";
  /** HotpotQA: drop records whose prompt has more whitespace-separated words. */
  maxWords?: number;
}

/** `{ tokens: N }` (under count: a budget in tokens) or `{ tokens: p }` (under proportion: a share). */
export interface TokenKnob {
  tokens: number;
}

/** How a spec counts tokens (the `tokens:` block); defaults are the kit's: qwen2 + longva. */
export interface MixTokenSettings {
  /** A length preset (lib/tokens: longva, qwen2vl-7b, qwen2vl-72b) giving template and visual. */
  preset?: string;
  /** qwen2 (default), cl100k, o200k or words. */
  tokenizer: string;
  /** longva (default), qwen2vl or none. */
  template: TemplateName;
  /** Visual settings (vision defaults to the template's model; images without a folder count as 640x480). */
  visual: Partial<VisualSettings>;
  /** Tokens of the whole mix, for `proportion: { tokens: p }`. */
  total?: number;
}

/** The budget of a token knob, or undefined for a record knob. */
export function tokenKnobOf(
  s: SourceSpec,
): { kind: "count" | "proportion"; value: number } | undefined {
  if (typeof s.count === "object") return { kind: "count", value: s.count.tokens };
  if (typeof s.proportion === "object") return { kind: "proportion", value: s.proportion.tokens };
  return undefined;
}

export interface MixSpec {
  name: string;
  description?: string;
  seed: number;
  /** Cut the shuffled mix to this many records. */
  total?: number;
  /** Records per text source for `count: "per"` (released script: 100000). */
  per?: number;
  /** LLaVA-NeXT ratio for `count: "lRatio"` (released script: 2). */
  lRatio?: number;
  /** Multiplier for `count: "ratio"` sources. */
  ratio?: number;
  /** Shuffle the concatenated mix (default true, as the released script does). */
  shuffle: boolean;
  output: { format: MixFormat; file?: string };
  /** Records held out of the mix into `<file>.holdout.<ext>` (taken from the shuffled mix's end). */
  holdout?: { count?: number; fraction?: number };
  checks: { imageTags: boolean; imageRoot?: string };
  /** Template variables for paths: `{t3}` etc.; `{data}` is the kit's data folder. */
  vars: Record<string, string>;
  sources: SourceSpec[];
  /** Several points in one spec: each listed value makes one mix (cartesian product). */
  sweep?: { total?: number[]; per?: number[]; lRatio?: number[]; ratio?: number[] };
  /** The paper row this mix stands for (an inference: paper-facts §2.3). */
  paper?: { table: string; row: string; note?: string };
  /** Token counting (present when the spec has a `tokens:` block or a token knob). */
  tokens?: MixTokenSettings;
}

/** Reads and validates a spec file (.yaml, .yml or .json). */
export function loadMixSpec(path: string): MixSpec {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError({ file: path }, `cannot read the spec: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(
      { file: path },
      `not valid ${path.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message}`,
    );
  }
  return validateMixSpec(raw, path);
}

type Obj = Record<string, unknown>;

const SPEC_KEYS = [
  "name",
  "description",
  "seed",
  "total",
  "per",
  "lRatio",
  "ratio",
  "shuffle",
  "output",
  "holdout",
  "checks",
  "vars",
  "sources",
  "sweep",
  "paper",
  "tokens",
];
const SOURCE_KEYS = [
  "name",
  "kind",
  "path",
  "count",
  "fraction",
  "proportion",
  "ratioOf",
  "replacement",
  "maxRepeats",
  "onExhausted",
  "role",
  "maxWords",
];

/** Validates a parsed spec; every error names `file` and the field path. */
export function validateMixSpec(raw: unknown, file = "<spec>"): MixSpec {
  const fail = (field: string, problem: string): never => {
    throw new InputError({ file, field }, problem);
  };
  const obj = (v: unknown, field: string): Obj => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) fail(field, "expected a mapping");
    return v as Obj;
  };
  const known = (o: Obj, keys: string[], field: string) => {
    for (const k of Object.keys(o)) {
      if (!keys.includes(k))
        fail(field ? `${field}.${k}` : k, `unknown field (known: ${keys.join(", ")})`);
    }
  };
  const num = (
    v: unknown,
    field: string,
    opts: { int?: boolean; min?: number; max?: number; above?: number } = {},
  ): number => {
    if (typeof v !== "number" || !Number.isFinite(v))
      fail(field, `expected a number, got ${JSON.stringify(v)}`);
    const n = v as number;
    if (opts.int && !Number.isInteger(n)) fail(field, `expected an integer, got ${n}`);
    if (opts.min !== undefined && n < opts.min) fail(field, `must be >= ${opts.min}, got ${n}`);
    if (opts.above !== undefined && n <= opts.above)
      fail(field, `must be > ${opts.above}, got ${n}`);
    if (opts.max !== undefined && n > opts.max) fail(field, `must be <= ${opts.max}, got ${n}`);
    return n;
  };
  const str = (v: unknown, field: string): string => {
    if (typeof v !== "string" || v === "")
      fail(field, `expected a non-empty string, got ${JSON.stringify(v)}`);
    return v as string;
  };
  const opt = <T>(
    o: Obj,
    key: string,
    f: (v: unknown, field: string) => T,
    field: string,
  ): T | undefined =>
    o[key] === undefined ? undefined : f(o[key], field ? `${field}.${key}` : key);

  // `{ tokens: N }`: the only key of a token knob.
  const tokenKnob = (
    v: unknown,
    field: string,
    opts: { int?: boolean; min?: number; max?: number; above?: number },
  ): TokenKnob => {
    const o = obj(v, field);
    known(o, ["tokens"], field);
    if (o.tokens === undefined) fail(`${field}.tokens`, "expected { tokens: <number> }");
    return { tokens: num(o.tokens, `${field}.tokens`, opts) };
  };

  const root = obj(raw, "");
  known(root, SPEC_KEYS, "");
  const name = str(root.name, "name");
  if (!/^[A-Za-z0-9._+-]+$/.test(name))
    fail("name", "use letters, digits and . _ + - only (it names the output file)");
  const seed = root.seed === undefined ? 1234 : num(root.seed, "seed", { int: true, min: 0 });

  const outRaw = root.output === undefined ? {} : obj(root.output, "output");
  known(outRaw, ["format", "file"], "output");
  const format = (outRaw.format ?? "llava-json") as MixFormat;
  if (!MIX_FORMATS.includes(format))
    fail(
      "output.format",
      `expected one of ${MIX_FORMATS.join(", ")}, got ${JSON.stringify(outRaw.format)}`,
    );
  const outFile = opt(outRaw, "file", str, "output");

  const checksRaw = root.checks === undefined ? {} : obj(root.checks, "checks");
  known(checksRaw, ["imageTags", "imageRoot"], "checks");
  if (checksRaw.imageTags !== undefined && typeof checksRaw.imageTags !== "boolean")
    fail("checks.imageTags", "expected true or false");
  const checks = {
    imageTags: checksRaw.imageTags !== false,
    imageRoot: opt(checksRaw, "imageRoot", str, "checks"),
  };

  const varsRaw = root.vars === undefined ? {} : obj(root.vars, "vars");
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(varsRaw)) vars[k] = str(v, `vars.${k}`);

  let holdout: MixSpec["holdout"];
  if (root.holdout !== undefined) {
    const h = obj(root.holdout, "holdout");
    known(h, ["count", "fraction"], "holdout");
    if ((h.count === undefined) === (h.fraction === undefined))
      fail("holdout", "give exactly one of count, fraction");
    holdout = {
      count: opt(h, "count", (v, f) => num(v, f, { int: true, min: 1 }), "holdout"),
      fraction: opt(h, "fraction", (v, f) => num(v, f, { above: 0, max: 0.5 }), "holdout"),
    };
  }

  let sweep: MixSpec["sweep"];
  if (root.sweep !== undefined) {
    const s = obj(root.sweep, "sweep");
    known(s, ["total", "per", "lRatio", "ratio"], "sweep");
    const list = (v: unknown, f: string, int: boolean) => {
      if (!Array.isArray(v) || v.length === 0) fail(f, "expected a non-empty list of numbers");
      return (v as unknown[]).map((x, k) => num(x, `${f}[${k}]`, { int, above: 0 }));
    };
    sweep = {
      total: opt(s, "total", (v, f) => list(v, f, true), "sweep"),
      per: opt(s, "per", (v, f) => list(v, f, true), "sweep"),
      lRatio: opt(s, "lRatio", (v, f) => list(v, f, false), "sweep"),
      ratio: opt(s, "ratio", (v, f) => list(v, f, false), "sweep"),
    };
  }

  let paper: MixSpec["paper"];
  if (root.paper !== undefined) {
    const p = obj(root.paper, "paper");
    known(p, ["table", "row", "note"], "paper");
    paper = {
      table: str(p.table, "paper.table"),
      row: str(p.row, "paper.row"),
      note: opt(p, "note", str, "paper"),
    };
  }

  if (!Array.isArray(root.sources) || root.sources.length === 0)
    fail("sources", "expected a non-empty list of sources");
  const names = new Set<string>();
  const sources = (root.sources as unknown[]).map((rawSource, k): SourceSpec => {
    const f = `sources[${k}]`;
    const s = obj(rawSource, f);
    known(s, SOURCE_KEYS, f);
    const sname = str(s.name, `${f}.name`);
    if (names.has(sname)) fail(`${f}.name`, `"${sname}" names two sources`);
    names.add(sname);
    const kind = s.kind as SourceKind;
    if (!["llava", "t3", "hotpotqa"].includes(kind as string))
      fail(`${f}.kind`, `expected llava, t3 or hotpotqa, got ${JSON.stringify(s.kind)}`);
    const knobs = ["count", "fraction", "proportion"].filter((x) => s[x] !== undefined);
    if (typeof s.fraction === "object" && s.fraction !== null)
      fail(
        `${f}.fraction`,
        "a fraction counts the source's records; for tokens use count: { tokens: N } or proportion: { tokens: p }",
      );
    if (knobs.length !== 1) {
      fail(
        f,
        `give exactly one of count, fraction, proportion (got ${knobs.length === 0 ? "none" : knobs.join(" and ")})`,
      );
    }
    let count: SourceSpec["count"];
    if (s.count !== undefined) {
      if (s.count === "per" || s.count === "lRatio" || s.count === "ratio") count = s.count;
      else if (typeof s.count === "object" && s.count !== null) {
        count = tokenKnob(s.count, `${f}.count`, { int: true, min: 1 });
      } else count = num(s.count, `${f}.count`, { int: true, min: 0 });
    }
    const role = (s.role ?? (kind === "llava" ? "image" : "text")) as "image" | "text";
    if (role !== "image" && role !== "text") fail(`${f}.role`, 'expected "image" or "text"');
    const onExhausted = (s.onExhausted ??
      (typeof count === "string" ? "truncate" : "error")) as Exhaustion;
    if (!["error", "truncate", "repeat"].includes(onExhausted))
      fail(`${f}.onExhausted`, "expected error, truncate or repeat");
    if (s.replacement !== undefined && typeof s.replacement !== "boolean")
      fail(`${f}.replacement`, "expected true or false");
    const source: SourceSpec = {
      name: sname,
      kind,
      path: str(s.path, `${f}.path`),
      count,
      fraction: opt(s, "fraction", (v, ff) => num(v, ff, { above: 0 }), f),
      proportion: opt(
        s,
        "proportion",
        (v, ff) =>
          typeof v === "object" && v !== null
            ? tokenKnob(v, ff, { above: 0, max: 1 })
            : num(v, ff, { above: 0, max: 1 }),
        f,
      ),
      ratioOf: opt(s, "ratioOf", str, f),
      replacement: s.replacement === true,
      maxRepeats: opt(s, "maxRepeats", (v, ff) => num(v, ff, { int: true, min: 1 }), f),
      onExhausted,
      role,
      maxWords: opt(s, "maxWords", (v, ff) => num(v, ff, { int: true, min: 1 }), f),
    };
    if (count === "ratio" && source.ratioOf === undefined)
      fail(`${f}.ratioOf`, 'count: "ratio" needs ratioOf: <source name>');
    if (
      source.fraction !== undefined &&
      source.fraction > 1 &&
      !source.replacement &&
      onExhausted !== "repeat"
    ) {
      fail(`${f}.fraction`, "a fraction above 1 needs replacement: true or onExhausted: repeat");
    }
    if (source.maxWords !== undefined && kind !== "hotpotqa")
      fail(`${f}.maxWords`, "only hotpotqa sources have a word filter");
    return source;
  });
  sources.forEach((s, k) => {
    if (s.ratioOf !== undefined && (!names.has(s.ratioOf) || s.ratioOf === s.name)) {
      fail(`sources[${k}].ratioOf`, `"${s.ratioOf}" is not another source of this spec`);
    }
  });
  // Checked here, from the spec alone: a cycle would otherwise surface as a stack
  // overflow, and only after every source was read.
  sources.forEach((s, k) => {
    const seen = [s.name];
    for (let at = s.ratioOf; at !== undefined; ) {
      if (seen.includes(at))
        fail(`sources[${k}].ratioOf`, `a cycle of ratio references: ${[...seen, at].join(" -> ")}`);
      seen.push(at);
      at = sources.find((x) => x.name === at)?.ratioOf;
    }
  });
  const hasTokenKnob = sources.some((s) => tokenKnobOf(s) !== undefined);
  let tokens: MixTokenSettings | undefined;
  if (root.tokens !== undefined || hasTokenKnob) {
    const t = root.tokens === undefined ? {} : obj(root.tokens, "tokens");
    known(t, ["preset", "tokenizer", "template", "visual", "total"], "tokens");
    const presetName = opt(t, "preset", str, "tokens");
    const preset = presetName === undefined ? undefined : lengthPreset(presetName);
    if (presetName !== undefined && preset === undefined)
      fail(
        "tokens.preset",
        `expected one of ${Object.keys(lengthPresets).join(", ")}, got "${presetName}"`,
      );
    const tokenizer = opt(t, "tokenizer", str, "tokens") ?? "qwen2";
    if (!(tokenizerNames as readonly string[]).includes(tokenizer))
      fail("tokens.tokenizer", `expected one of ${tokenizerNames.join(", ")}, got "${tokenizer}"`);
    const template = (opt(t, "template", str, "tokens") ??
      preset?.template ??
      "longva") as TemplateName;
    if (!templateNames.includes(template))
      fail("tokens.template", `expected one of ${templateNames.join(", ")}, got "${template}"`);
    const v = t.visual === undefined ? {} : obj(t.visual, "tokens.visual");
    known(
      v,
      ["vision", "imageFolder", "missingImages", "videoFrames", "maxPixels"],
      "tokens.visual",
    );
    const visual: Partial<VisualSettings> = { ...(preset?.visual ?? {}) };
    if (v.vision !== undefined) {
      if (!visionModels.includes(v.vision as VisionModel))
        fail(
          "tokens.visual.vision",
          `expected one of ${visionModels.join(", ")}, got ${JSON.stringify(v.vision)}`,
        );
      visual.vision = v.vision as VisionModel;
    }
    const folder = opt(v, "imageFolder", str, "tokens.visual");
    if (folder !== undefined) visual.imageFolder = folder;
    if (v.missingImages !== undefined) {
      if (v.missingImages !== "error" && v.missingImages !== "default")
        fail("tokens.visual.missingImages", 'expected "error" or "default"');
      visual.missingImages = v.missingImages as "error" | "default";
    }
    const frames = opt(
      v,
      "videoFrames",
      (x, ff) => num(x, ff, { int: true, min: 1 }),
      "tokens.visual",
    );
    if (frames !== undefined) visual.videoFrames = frames;
    const maxPixels = opt(
      v,
      "maxPixels",
      (x, ff) => num(x, ff, { int: true, min: 1 }),
      "tokens.visual",
    );
    if (maxPixels !== undefined) visual.maxPixels = maxPixels;
    tokens = {
      preset: presetName,
      tokenizer,
      template,
      visual,
      total: opt(t, "total", (x, ff) => num(x, ff, { int: true, min: 1 }), "tokens"),
    };
  }
  const spec: MixSpec = {
    name,
    description: opt(root, "description", str, ""),
    seed,
    total: opt(root, "total", (v, f) => num(v, f, { int: true, min: 1 }), ""),
    per: opt(root, "per", (v, f) => num(v, f, { int: true, min: 1 }), ""),
    lRatio: opt(root, "lRatio", (v, f) => num(v, f, { above: 0 }), ""),
    ratio: opt(root, "ratio", (v, f) => num(v, f, { above: 0 }), ""),
    shuffle: root.shuffle !== false,
    output: { format, file: outFile },
    holdout,
    checks,
    vars,
    sources,
    sweep,
    paper,
    tokens,
  };
  const needs = (what: "per" | "lRatio" | "ratio" | "total", why: string) => {
    const swept = spec.sweep?.[what] !== undefined;
    if (spec[what] === undefined && !swept) fail(what, `${why} needs ${what} (or sweep.${what})`);
  };
  sources.forEach((s, k) => {
    if (s.count === "per") needs("per", `sources[${k}] count: "per"`);
    if (s.count === "lRatio") {
      needs("per", `sources[${k}] count: "lRatio"`);
      needs("lRatio", `sources[${k}] count: "lRatio"`);
    }
    if (s.count === "ratio") needs("ratio", `sources[${k}] count: "ratio"`);
    if (typeof s.proportion === "number") needs("total", `sources[${k}].proportion`);
    if (typeof s.proportion === "object" && tokens?.total === undefined)
      fail("tokens.total", `sources[${k}].proportion.tokens needs tokens.total (the mix's tokens)`);
  });
  if (hasTokenKnob) {
    const k = sources.findIndex((s) => tokenKnobOf(s) !== undefined);
    for (const field of ["total", "sweep.total"]) {
      const given = field === "total" ? spec.total : spec.sweep?.total;
      if (given !== undefined)
        fail(
          field,
          `a record total cuts the shuffled mix at random and would break the token budget of sources[${k}]; give the budget in tokens (tokens.total with proportion: { tokens: p }) instead`,
        );
    }
  }
  for (const unit of ["records", "tokens"] as const) {
    const props = sources.reduce((a, s) => {
      const p = s.proportion;
      if (p === undefined) return a;
      return (
        a +
        (unit === "tokens" ? (typeof p === "object" ? p.tokens : 0) : typeof p === "number" ? p : 0)
      );
    }, 0);
    if (props > 1 + 1e-9)
      fail(
        "sources",
        `proportions${unit === "tokens" ? " of tokens" : ""} add up to ${props}, more than 1`,
      );
  }
  return spec;
}
