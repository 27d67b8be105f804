import { type MixSpec, type SourceSpec, tokenKnobOf } from "../spec/mix-spec-types";
/**
 * Plans a mix without writing it: for each point of a spec (one, or one per sweep value),
 * how many records each source is asked for, how many it gives, with how many passes, and
 * what share of the mix that is. Pure: it needs only the spec and the source sizes.
 * `npx t3kit mix plan SPEC` prints these tables (format-plan.ts); `mix run` follows them exactly.
 * Token budgets are drawn first (draw-token-budget.ts, which needs token counts) and
 * passed in; `withTokens` adds the tokens each source gives when the spec counts tokens.
 */
import type { TokenDraw } from "./draw-token-budget";

/** One point of a spec: the values a sweep varies. */
export interface MixPoint {
  /** "" for a spec without a sweep, else e.g. "lRatio2-total100000". */
  label: string;
  total?: number;
  per?: number;
  lRatio?: number;
  ratio?: number;
}

export interface SourcePlan {
  name: string;
  kind: SourceSpec["kind"];
  role: "image" | "text";
  /** Records the source holds (after its own filters); null when it could not be read. */
  holds: number | null;
  /** The knob as written, e.g. `count: lRatio (1 × 100000 × 2)`. */
  knob: string;
  requested: number;
  /** Records it gives to the mix (before the total cut). */
  takes: number;
  /** Passes over the source (without replacement), 1 when it is not repeated. */
  passes: number;
  replacement: boolean;
  /** Share of the mix before the total cut. */
  share: number;
  /** "ok", or what is wrong (the run refuses to start). */
  status: string;
  /** Token knobs: the budget in tokens. */
  tokenBudget?: number;
  /** Tokens of the records it gives (before the total cut), when the spec counts tokens. */
  tokens?: number;
  /** Share of the mix's tokens (before the total cut). */
  tokenShare?: number;
  /** Records tokenized to plan it (a budget walk stops at its budget). */
  counted?: number;
}

/** How tokens were counted, for the plan's footer and the manifest. */
export interface TokenCounting {
  tokenizer: string;
  implementation: string;
  template: string;
  vision: string;
}

export interface MixPlan {
  spec: string;
  point: MixPoint;
  sources: SourcePlan[];
  /** Records before the total cut, after it, held out, and in the written mix. */
  concatenated: number;
  afterTotal: number;
  holdout: number;
  mixRecords: number;
  ok: boolean;
  /** Present when the spec counts tokens: the settings and the tokens before the total cut. */
  tokens?: TokenCounting & { concatenated: number };
}

/** The points of a spec: the cartesian product of its sweep lists, in spec order. */
export function mixPoints(spec: MixSpec): MixPoint[] {
  let points: MixPoint[] = [
    { label: "", total: spec.total, per: spec.per, lRatio: spec.lRatio, ratio: spec.ratio },
  ];
  const axes = ["per", "lRatio", "ratio", "total"] as const;
  for (const axis of axes) {
    const values = spec.sweep?.[axis];
    if (!values) continue;
    points = points.flatMap((p) =>
      values.map((v) => ({ ...p, [axis]: v, label: `${p.label}${p.label ? "-" : ""}${axis}${v}` })),
    );
  }
  return points;
}

/**
 * The count a source asks for at a point, for record knobs. Token knobs are resolved
 * before planning, by walking the source to its budget (drawTokenBudget), and reach
 * planMix as draws.
 */
export function resolveSourceCount(
  s: SourceSpec,
  point: MixPoint,
  holds: number,
  textSources: number,
  takenBy: (name: string) => number,
): { requested: number; knob: string } {
  if (s.count === "per") return { requested: point.per!, knob: `count: per (${point.per})` };
  if (s.count === "lRatio") {
    const n = Math.floor(textSources * point.per! * point.lRatio!);
    return {
      requested: n,
      knob: `count: lRatio (${textSources} × ${point.per} × ${point.lRatio})`,
    };
  }
  if (s.count === "ratio") {
    const base = takenBy(s.ratioOf!);
    return {
      requested: Math.floor(base * point.ratio!),
      knob: `count: ratio (${base} × ${point.ratio})`,
    };
  }
  if (typeof s.count === "number") return { requested: s.count, knob: `count: ${s.count}` };
  if (s.fraction !== undefined)
    return { requested: Math.floor(s.fraction * holds), knob: `fraction: ${s.fraction}` };
  if (typeof s.proportion !== "number")
    throw new Error(`${s.name}: a token knob is resolved by drawTokenBudget, not here`);
  return {
    requested: Math.round(s.proportion * point.total!),
    knob: `proportion: ${s.proportion} of ${point.total}`,
  };
}

/**
 * Plans one point. `holds[k]` is the size of source k (null: unreadable, with `why`);
 * `draws[k]` the records a token-knob source k takes (drawTokenBudget).
 */
export function planMix(
  spec: MixSpec,
  point: MixPoint,
  holds: (number | null)[],
  why: (string | null)[] = [],
  draws: (TokenDraw | null)[] = [],
): MixPlan {
  const textSources = spec.sources.filter((s) => s.role === "text").length;
  const taken = new Map<string, number>();
  const order = ratioOrder(spec.sources);
  const plans: SourcePlan[] = new Array(spec.sources.length);
  for (const k of order) {
    const s = spec.sources[k];
    const h = holds[k];
    const base = {
      name: s.name,
      kind: s.kind,
      role: s.role!,
      holds: h,
      replacement: s.replacement === true,
    };
    if (h === null) {
      plans[k] = {
        ...base,
        knob: "",
        requested: 0,
        takes: 0,
        passes: 0,
        share: 0,
        status: why[k] ?? "cannot read",
      };
      taken.set(s.name, 0);
      continue;
    }
    const knobOfTokens = tokenKnobOf(s);
    if (knobOfTokens) {
      const d = draws[k];
      if (!d) throw new Error(`${s.name}: its token budget was not drawn`);
      const knob =
        knobOfTokens.kind === "count"
          ? `count: ${d.budget} tokens`
          : `proportion: ${knobOfTokens.value} of ${spec.tokens!.total} tokens`;
      plans[k] = {
        ...base,
        knob,
        requested: d.indices.length,
        takes: d.status === "ok" ? d.indices.length : 0,
        passes: d.passes,
        share: 0,
        status: d.status,
        tokenBudget: d.budget,
        counted: d.counted,
      };
      taken.set(s.name, plans[k].takes);
      continue;
    }
    const { requested, knob } = resolveSourceCount(
      s,
      point,
      h,
      textSources,
      (n) => taken.get(n) ?? 0,
    );
    const { takes, passes, status } = exhaust(s, requested, h);
    plans[k] = { ...base, knob, requested, takes, passes, share: 0, status };
    taken.set(s.name, takes);
  }
  const concatenated = plans.reduce((a, p) => a + p.takes, 0);
  for (const p of plans) p.share = concatenated === 0 ? 0 : p.takes / concatenated;
  const afterTotal = point.total === undefined ? concatenated : Math.min(point.total, concatenated);
  const holdout = spec.holdout?.count ?? Math.floor((spec.holdout?.fraction ?? 0) * afterTotal);
  const ok = plans.every((p) => p.status === "ok") && holdout < afterTotal;
  return {
    spec: spec.name,
    point,
    sources: plans,
    concatenated,
    afterTotal,
    holdout: Math.min(holdout, afterTotal),
    mixRecords: Math.max(afterTotal - holdout, 0),
    ok,
  };
}

function exhaust(
  s: SourceSpec,
  requested: number,
  holds: number,
): { takes: number; passes: number; status: string } {
  const cap = s.maxRepeats ?? 1;
  if (s.replacement) {
    if (holds === 0 && requested > 0)
      return { takes: 0, passes: 0, status: "empty source, cannot draw" };
    if (s.maxRepeats !== undefined && requested > holds * cap) {
      return {
        takes: 0,
        passes: 0,
        status: `asks ${requested} draws but maxRepeats ${cap} × ${holds} records allows ${holds * cap}`,
      };
    }
    return { takes: requested, passes: 1, status: "ok" };
  }
  if (requested <= holds) return { takes: requested, passes: 1, status: "ok" };
  if (s.onExhausted === "truncate") return { takes: holds, passes: 1, status: "ok" };
  if (s.onExhausted === "repeat" && holds > 0) {
    const passes = Math.ceil(requested / holds);
    if (passes <= cap) return { takes: requested, passes, status: "ok" };
    return {
      takes: 0,
      passes,
      status: `needs ${passes} passes over ${holds} records; maxRepeats is ${cap}`,
    };
  }
  return {
    takes: 0,
    passes: 0,
    status: `asks ${requested} but holds ${holds}: set onExhausted: truncate or repeat, or replacement: true`,
  };
}

/** Source indices so that a `ratioOf` source is resolved before the sources that use it. */
function ratioOrder(sources: SourceSpec[]): number[] {
  const done = new Set<number>();
  const out: number[] = [];
  const visit = (k: number, depth: number) => {
    if (done.has(k)) return;
    if (depth > sources.length) throw new Error(`ratioOf forms a cycle at ${sources[k].name}`);
    const dep = sources[k].ratioOf;
    if (dep !== undefined)
      visit(
        sources.findIndex((s) => s.name === dep),
        depth + 1,
      );
    done.add(k);
    out.push(k);
  };
  sources.forEach((_, k) => visit(k, 0));
  return out;
}

/**
 * The plan with token columns: `tokens[k]` is what source k's taken records hold (before
 * the total cut, repeats counted each time), `counted[k]` the records tokenized for it.
 */
export function withTokens(
  plan: MixPlan,
  tokens: number[],
  counting: TokenCounting,
  counted: number[] = [],
): MixPlan {
  const concatenated = tokens.reduce((a, t) => a + t, 0);
  return {
    ...plan,
    sources: plan.sources.map((p, k) => ({
      ...p,
      tokens: tokens[k],
      tokenShare: concatenated === 0 ? 0 : tokens[k] / concatenated,
      counted: p.counted ?? counted[k],
    })),
    tokens: { ...counting, concatenated },
  };
}
