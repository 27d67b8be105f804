import type { NumberRange, Obj, SpecReader } from "../../specs/index";
/**
 * A mix spec validated section by section (validateMixSpec in mix-spec.ts calls these in
 * order, so the first error a spec gets stays the same): output, checks, vars, holdout,
 * sweep, paper, sources, tokens, and last the rules that join sections.
 */
import {
  type CountSettings,
  CountSettingsError,
  validateCountSettings,
} from "../../token-counting/index";
import {
  type Exhaustion,
  MIX_FORMATS,
  type MixFormat,
  type MixSpec,
  type MixTokenSettings,
  type SourceKind,
  type SourceSpec,
  type TokenKnob,
  tokenKnobOf,
} from "./mix-spec-types";

export const SPEC_KEYS = [
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

/** `output: { format, file }`. */
export function outputSection(r: SpecReader, root: Obj): MixSpec["output"] {
  const outRaw = root.output === undefined ? {} : r.obj(root.output, "output");
  r.known(outRaw, ["format", "file"], "output");
  const format = (outRaw.format ?? "llava-json") as MixFormat;
  if (!MIX_FORMATS.includes(format))
    r.fail(
      "output.format",
      `expected one of ${MIX_FORMATS.join(", ")}, got ${JSON.stringify(outRaw.format)}`,
    );
  return { format, file: r.opt(outRaw, "file", (v, f) => r.str(v, f), "output") };
}

/** `checks: { imageTags, imageRoot }`. */
export function checksSection(r: SpecReader, root: Obj): MixSpec["checks"] {
  const checksRaw = root.checks === undefined ? {} : r.obj(root.checks, "checks");
  r.known(checksRaw, ["imageTags", "imageRoot"], "checks");
  if (checksRaw.imageTags !== undefined && typeof checksRaw.imageTags !== "boolean")
    r.fail("checks.imageTags", "expected true or false");
  return {
    imageTags: checksRaw.imageTags !== false,
    imageRoot: r.opt(checksRaw, "imageRoot", (v, f) => r.str(v, f), "checks"),
  };
}

/** `vars: { NAME: PATH }`. */
export function varsSection(r: SpecReader, root: Obj): Record<string, string> {
  const varsRaw = root.vars === undefined ? {} : r.obj(root.vars, "vars");
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(varsRaw)) vars[k] = r.str(v, `vars.${k}`);
  return vars;
}

/** `holdout: { count | fraction }`. */
export function holdoutSection(r: SpecReader, root: Obj): MixSpec["holdout"] {
  if (root.holdout === undefined) return undefined;
  const h = r.obj(root.holdout, "holdout");
  r.known(h, ["count", "fraction"], "holdout");
  if ((h.count === undefined) === (h.fraction === undefined))
    r.fail("holdout", "give exactly one of count, fraction");
  return {
    count: r.opt(h, "count", (v, f) => r.num(v, f, { int: true, min: 1 }), "holdout"),
    fraction: r.opt(h, "fraction", (v, f) => r.num(v, f, { above: 0, max: 0.5 }), "holdout"),
  };
}

/** `sweep: { total, per, lRatio, ratio }`: non-empty lists of numbers. */
export function sweepSection(r: SpecReader, root: Obj): MixSpec["sweep"] {
  if (root.sweep === undefined) return undefined;
  const s = r.obj(root.sweep, "sweep");
  r.known(s, ["total", "per", "lRatio", "ratio"], "sweep");
  const list = (v: unknown, f: string, int: boolean) => {
    if (!Array.isArray(v) || v.length === 0) r.fail(f, "expected a non-empty list of numbers");
    return (v as unknown[]).map((x, k) => r.num(x, `${f}[${k}]`, { int, above: 0 }));
  };
  return {
    total: r.opt(s, "total", (v, f) => list(v, f, true), "sweep"),
    per: r.opt(s, "per", (v, f) => list(v, f, true), "sweep"),
    lRatio: r.opt(s, "lRatio", (v, f) => list(v, f, false), "sweep"),
    ratio: r.opt(s, "ratio", (v, f) => list(v, f, false), "sweep"),
  };
}

/** `paper: { table, row, note }`. */
export function paperSection(r: SpecReader, root: Obj): MixSpec["paper"] {
  if (root.paper === undefined) return undefined;
  const p = r.obj(root.paper, "paper");
  r.known(p, ["table", "row", "note"], "paper");
  return {
    table: r.str(p.table, "paper.table"),
    row: r.str(p.row, "paper.row"),
    note: r.opt(p, "note", (v, f) => r.str(v, f), "paper"),
  };
}

/** `sources: [...]`: each source, unique names, and ratioOf naming another source. */
export function sourcesSection(r: SpecReader, root: Obj): SourceSpec[] {
  if (!Array.isArray(root.sources) || root.sources.length === 0)
    r.fail("sources", "expected a non-empty list of sources");
  const names = new Set<string>();
  const sources = (root.sources as unknown[]).map((raw, k) => sourceSection(r, raw, k, names));
  sources.forEach((s, k) => {
    if (s.ratioOf !== undefined && (!names.has(s.ratioOf) || s.ratioOf === s.name)) {
      r.fail(`sources[${k}].ratioOf`, `"${s.ratioOf}" is not another source of this spec`);
    }
  });
  // Checked here, from the spec alone: a cycle would otherwise surface as a stack
  // overflow, and only after every source was read.
  sources.forEach((s, k) => {
    const seen = [s.name];
    for (let at = s.ratioOf; at !== undefined; ) {
      if (seen.includes(at))
        r.fail(
          `sources[${k}].ratioOf`,
          `a cycle of ratio references: ${[...seen, at].join(" -> ")}`,
        );
      seen.push(at);
      at = sources.find((x) => x.name === at)?.ratioOf;
    }
  });
  return sources;
}

/** `{ tokens: N }`: the only key of a token knob. */
function tokenKnob(r: SpecReader, v: unknown, field: string, opts: NumberRange): TokenKnob {
  const o = r.obj(v, field);
  r.known(o, ["tokens"], field);
  if (o.tokens === undefined) r.fail(`${field}.tokens`, "expected { tokens: <number> }");
  return { tokens: r.num(o.tokens, `${field}.tokens`, opts) };
}

/** The count knob: "per" | "lRatio" | "ratio", `{ tokens: N }`, or a record count. */
function countOf(r: SpecReader, s: Obj, f: string): SourceSpec["count"] {
  if (s.count === undefined) return undefined;
  if (s.count === "per" || s.count === "lRatio" || s.count === "ratio") return s.count;
  if (typeof s.count === "object" && s.count !== null)
    return tokenKnob(r, s.count, `${f}.count`, { int: true, min: 1 });
  return r.num(s.count, `${f}.count`, { int: true, min: 0 });
}

/** One source; `names` collects the names seen so far. */
function sourceSection(r: SpecReader, raw: unknown, k: number, names: Set<string>): SourceSpec {
  const f = `sources[${k}]`;
  const s = r.obj(raw, f);
  r.known(s, SOURCE_KEYS, f);
  const sname = r.str(s.name, `${f}.name`);
  if (names.has(sname)) r.fail(`${f}.name`, `"${sname}" names two sources`);
  names.add(sname);
  const kind = s.kind as SourceKind;
  if (!["llava", "t3", "hotpotqa"].includes(kind as string))
    r.fail(`${f}.kind`, `expected llava, t3 or hotpotqa, got ${JSON.stringify(s.kind)}`);
  const knobs = ["count", "fraction", "proportion"].filter((x) => s[x] !== undefined);
  if (typeof s.fraction === "object" && s.fraction !== null)
    r.fail(
      `${f}.fraction`,
      "a fraction counts the source's records; for tokens use count: { tokens: N } or proportion: { tokens: p }",
    );
  if (knobs.length !== 1) {
    r.fail(
      f,
      `give exactly one of count, fraction, proportion (got ${knobs.length === 0 ? "none" : knobs.join(" and ")})`,
    );
  }
  const count = countOf(r, s, f);
  const role = (s.role ?? (kind === "llava" ? "image" : "text")) as "image" | "text";
  if (role !== "image" && role !== "text") r.fail(`${f}.role`, 'expected "image" or "text"');
  const onExhausted = (s.onExhausted ??
    (typeof count === "string" ? "truncate" : "error")) as Exhaustion;
  if (!["error", "truncate", "repeat"].includes(onExhausted))
    r.fail(`${f}.onExhausted`, "expected error, truncate or repeat");
  if (s.replacement !== undefined && typeof s.replacement !== "boolean")
    r.fail(`${f}.replacement`, "expected true or false");
  const source: SourceSpec = {
    name: sname,
    kind,
    path: r.str(s.path, `${f}.path`),
    count,
    fraction: r.opt(s, "fraction", (v, ff) => r.num(v, ff, { above: 0 }), f),
    proportion: r.opt(
      s,
      "proportion",
      (v, ff) =>
        typeof v === "object" && v !== null
          ? tokenKnob(r, v, ff, { above: 0, max: 1 })
          : r.num(v, ff, { above: 0, max: 1 }),
      f,
    ),
    ratioOf: r.opt(s, "ratioOf", (v, ff) => r.str(v, ff), f),
    replacement: s.replacement === true,
    maxRepeats: r.opt(s, "maxRepeats", (v, ff) => r.num(v, ff, { int: true, min: 1 }), f),
    onExhausted,
    role,
    maxWords: r.opt(s, "maxWords", (v, ff) => r.num(v, ff, { int: true, min: 1 }), f),
  };
  checkSource(r, source, f);
  return source;
}

/** The rules between one source's fields. */
function checkSource(r: SpecReader, source: SourceSpec, f: string): void {
  if (source.count === "ratio" && source.ratioOf === undefined)
    r.fail(`${f}.ratioOf`, 'count: "ratio" needs ratioOf: <source name>');
  if (
    source.fraction !== undefined &&
    source.fraction > 1 &&
    !source.replacement &&
    source.onExhausted !== "repeat"
  ) {
    r.fail(`${f}.fraction`, "a fraction above 1 needs replacement: true or onExhausted: repeat");
  }
  if (source.maxWords !== undefined && source.kind !== "hotpotqa")
    r.fail(`${f}.maxWords`, "only hotpotqa sources have a word filter");
}

/** `tokens:` (present, or implied by a token knob): the counting settings and the total. */
export function tokensSection(
  r: SpecReader,
  root: Obj,
  sources: readonly SourceSpec[],
): MixTokenSettings | undefined {
  const hasTokenKnob = sources.some((s) => tokenKnobOf(s) !== undefined);
  if (root.tokens === undefined && !hasTokenKnob) return undefined;
  const t = root.tokens === undefined ? {} : r.obj(root.tokens, "tokens");
  r.known(t, ["preset", "tokenizer", "template", "visual", "total"], "tokens");
  const v = t.visual === undefined ? {} : r.obj(t.visual, "tokens.visual");
  r.known(
    v,
    ["vision", "imageFolder", "missingImages", "videoFrames", "maxPixels", "llamaFactoryVersion"],
    "tokens.visual",
  );
  return {
    ...countSettingsOf(r, t, v),
    total: r.opt(t, "total", (x, ff) => r.num(x, ff, { int: true, min: 1 }), "tokens"),
  };
}

/** The `tokens:` block's counting settings, through the one validator the CLI flags use. */
function countSettingsOf(r: SpecReader, t: Obj, v: Obj): CountSettings {
  try {
    return validateCountSettings({
      preset: t.preset,
      tokenizer: t.tokenizer,
      template: t.template,
      ...v,
    });
  } catch (e) {
    if (!(e instanceof CountSettingsError)) throw e;
    const top = e.key === "preset" || e.key === "tokenizer" || e.key === "template";
    r.fail(top ? `tokens.${e.key}` : `tokens.visual.${e.key}`, e.message);
  }
}

/** The rules that join sections: what each knob needs, token budgets, proportions. */
export function checkSpecNeeds(r: SpecReader, spec: MixSpec): void {
  const needs = (what: "per" | "lRatio" | "ratio" | "total", why: string) => {
    const swept = spec.sweep?.[what] !== undefined;
    if (spec[what] === undefined && !swept) r.fail(what, `${why} needs ${what} (or sweep.${what})`);
  };
  spec.sources.forEach((s, k) => {
    if (s.count === "per") needs("per", `sources[${k}] count: "per"`);
    if (s.count === "lRatio") {
      needs("per", `sources[${k}] count: "lRatio"`);
      needs("lRatio", `sources[${k}] count: "lRatio"`);
    }
    if (s.count === "ratio") needs("ratio", `sources[${k}] count: "ratio"`);
    if (typeof s.proportion === "number") needs("total", `sources[${k}].proportion`);
    if (typeof s.proportion === "object" && spec.tokens?.total === undefined)
      r.fail(
        "tokens.total",
        `sources[${k}].proportion.tokens needs tokens.total (the mix's tokens)`,
      );
  });
  checkTokenBudgets(r, spec);
  checkProportions(r, spec.sources);
}

/** A record total would cut token budgets at random: refused with token knobs. */
function checkTokenBudgets(r: SpecReader, spec: MixSpec): void {
  const k = spec.sources.findIndex((s) => tokenKnobOf(s) !== undefined);
  if (k < 0) return;
  for (const field of ["total", "sweep.total"]) {
    const given = field === "total" ? spec.total : spec.sweep?.total;
    if (given !== undefined)
      r.fail(
        field,
        `a record total cuts the shuffled mix at random and would break the token budget of sources[${k}]; give the budget in tokens (tokens.total with proportion: { tokens: p }) instead`,
      );
  }
}

/** Proportions of records, and of tokens, add up to at most 1. */
function checkProportions(r: SpecReader, sources: readonly SourceSpec[]): void {
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
      r.fail(
        "sources",
        `proportions${unit === "tokens" ? " of tokens" : ""} add up to ${props}, more than 1`,
      );
  }
}
