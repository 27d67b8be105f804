/**
 * `mix plan` and `mix run`: loads a spec's sources once, plans every point (one, or one
 * per sweep value) and, for a run, writes each point's mix with a manifest beside it:
 * counts per source, seed, sha256 of every input and of the output, the resolved spec
 * and the kit version. No clock time goes in, so the same spec gives the same bytes.
 *
 * Draws, per point (so points do not depend on each other): a CPython-compatible
 * generator seeded with the spec's seed; for each source in spec order, its index list
 * is shuffled and its first `takes` records taken (a new shuffle per extra pass; with
 * replacement, `takes` draws of `_randbelow`); the concatenation is shuffled, cut to
 * `total`, and the holdout taken from its end. A token-budget source takes the records its
 * budget walk chose (draw-token-budget.ts: a generator of its own) and draws nothing from
 * the shared one, so adding a budget leaves the other sources' draws as they were.
 * When the spec counts tokens (a `tokens:` block or a token knob), plans and manifests
 * carry the tokens of every source; only records that are taken are tokenized.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError } from "../errors/index";
import { sha256File, writeFileAtomic } from "../files/index";
import { outPath, projectRoot } from "../paths/index";
import { PythonRandom } from "../pyrandom/index";
import { checkLlavaRecord } from "./check-records";
import { ConcatSource } from "./concat-source";
import { type TokenDraw, drawTokenBudget, tokenBudgetOf } from "./draw-token-budget";
import { type SourceLoadOptions, loadMixSource } from "./load-mix-sources";
import { mixOutputBase, refuseMixOverInputs } from "./mix-output-paths";
import type { MixSpec } from "./mix-spec";
import { type MixPlan, type MixPoint, mixPoints, planMix, withTokens } from "./plan-mix";
import type { RecordSource } from "./record-source";
import { RecordTokenCounter } from "./record-token-counter";
import { packRef, refIndex, refSource, writeMixFile } from "./write-mix-file";

export interface OpenedSources {
  sources: (RecordSource | null)[];
  files: string[][];
  /** Why a source could not be opened (null when it was). */
  errors: (string | null)[];
}

/** Opens every source; with `tolerant`, a failing source is reported rather than thrown (for plans). */
export async function openMixSources(
  spec: MixSpec,
  options: SourceLoadOptions = {},
  tolerant = false,
): Promise<OpenedSources> {
  const out: OpenedSources = { sources: [], files: [], errors: [] };
  for (let k = 0; k < spec.sources.length; k++) {
    try {
      const { source, files } = await loadMixSource(spec, k, options);
      out.sources.push(source);
      out.files.push(files);
      out.errors.push(null);
    } catch (e) {
      if (!tolerant) {
        for (const s of out.sources) s?.close();
        throw e;
      }
      out.sources.push(null);
      out.files.push([]);
      out.errors.push((e as Error).message);
    }
  }
  return out;
}

/** Plans every point of a spec against its sources (`mix plan`). */
export async function planSpec(spec: MixSpec, options: SourceLoadOptions = {}): Promise<MixPlan[]> {
  const opened = await openMixSources(spec, options, true);
  try {
    const { plans, draws } = await planOpened(spec, opened.sources, opened.errors, options);
    return plans.map((p) => withRecordChecks(spec, p, opened.sources, draws));
  } finally {
    for (const s of opened.sources) s?.close();
  }
}

/** A runnable plan is checked as `mix run` would check it: a bad record makes it not runnable. */
function withRecordChecks(
  spec: MixSpec,
  plan: MixPlan,
  sources: (RecordSource | null)[],
  draws: readonly (TokenDraw | null)[],
): MixPlan {
  if (!plan.ok) return plan;
  const ready = sources as RecordSource[];
  const { mix, holdout } = selectMix(
    spec,
    plan,
    ready.map((s) => s.count),
    draws,
  );
  for (const refs of [mix, holdout]) {
    for (let k = 0; k < refs.length; k++) {
      try {
        checkRefs(refs.subarray(k, k + 1), ready, spec.checks);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const bad = refSource(refs[k]);
        const status = e.message;
        return {
          ...plan,
          ok: false,
          sources: plan.sources.map((p, j) => (j === bad ? { ...p, status } : p)),
        };
      }
    }
  }
  return plan;
}

interface PlannedSpec {
  plans: MixPlan[];
  draws: (TokenDraw | null)[];
  counter: RecordTokenCounter | null;
}

/** Token budgets drawn, points planned, token columns added when the spec counts tokens. */
async function planOpened(
  spec: MixSpec,
  sources: (RecordSource | null)[],
  errors: (string | null)[],
  options: SourceLoadOptions,
): Promise<PlannedSpec> {
  const say = options.onProgress ?? (() => {});
  const holds = sources.map((s) => (s ? s.count : null));
  const counter = spec.tokens ? new RecordTokenCounter(spec.tokens, sources) : null;
  const draws: (TokenDraw | null)[] = [];
  for (const [k, s] of spec.sources.entries()) {
    const budget = tokenBudgetOf(spec, s);
    const source = sources[k];
    if (budget === undefined || !source || !counter) {
      draws.push(null);
      continue;
    }
    say(`counting ${s.name} up to its budget of ${budget} tokens`);
    draws.push(
      await drawTokenBudget(spec, s, source.count, budget, (ix) => counter.tokensOf(k, ix)),
    );
  }
  let plans = mixPoints(spec).map((p) => planMix(spec, p, holds, errors, draws));
  if (counter) {
    const counting = counter.describe();
    const withCounts: MixPlan[] = [];
    for (const plan of plans) {
      if (!plan.ok) {
        const drawn = plan.sources.map((_, k) => draws[k]?.tokens ?? 0);
        withCounts.push(withTokens(plan, drawn, counting, [...counter.counted]));
        continue;
      }
      const { all } = selectMix(spec, plan, holds as number[], draws);
      const perSource = await tokensBySource(all, sources as RecordSource[], counter);
      withCounts.push(withTokens(plan, perSource, counting, [...counter.counted]));
    }
    plans = withCounts;
  }
  return { plans, draws, counter };
}

/** Tokens per source of the records `refs` point at (repeats counted each time). */
async function tokensBySource(
  refs: Float64Array,
  sources: readonly RecordSource[],
  counter: RecordTokenCounter,
): Promise<number[]> {
  const byK: number[][] = sources.map(() => []);
  for (let i = 0; i < refs.length; i++) byK[refSource(refs[i])].push(refIndex(refs[i]));
  const out: number[] = [];
  for (const [k, ix] of byK.entries()) out.push(await counter.sumOf(k, ix));
  return out;
}

/**
 * The records of one point: the mix and its holdout, as packed references, and `all`,
 * the shuffled concatenation before the total cut. `draws[k]` gives the records of a
 * token-budget source.
 */
export function selectMix(
  spec: MixSpec,
  plan: MixPlan,
  counts: number[],
  draws: readonly (TokenDraw | null)[] = [],
): { mix: Float64Array; holdout: Float64Array; all: Float64Array } {
  const rng = new PythonRandom(spec.seed);
  const refs = new Float64Array(plan.concatenated);
  let n = 0;
  plan.sources.forEach((p, k) => {
    const size = counts[k];
    const drawn = draws[k];
    if (drawn) {
      for (let i = 0; i < p.takes; i++) refs[n++] = packRef(k, drawn.indices[i]);
      return;
    }
    if (p.replacement) {
      const cap = spec.sources[k].maxRepeats;
      const used = cap === undefined ? null : new Uint32Array(size);
      for (let d = 0; d < p.takes; d++) {
        let i = rng.randbelow(size);
        while (used && used[i] >= cap!) i = rng.randbelow(size);
        if (used) used[i]++;
        refs[n++] = packRef(k, i);
      }
      return;
    }
    const order = new Uint32Array(size);
    for (let i = 0; i < size; i++) order[i] = i;
    rng.shuffleIndices(order);
    let left = p.takes;
    for (let pass = 0; left > 0; pass++) {
      if (pass > 0) rng.shuffleIndices(order); // each extra pass in a new order
      const take = Math.min(left, size);
      for (let i = 0; i < take; i++) refs[n++] = packRef(k, order[i]);
      left -= take;
    }
  });
  if (spec.shuffle) rng.shuffleIndices(refs);
  const cut = refs.subarray(0, plan.afterTotal);
  return {
    mix: cut.subarray(0, plan.mixRecords),
    holdout: cut.subarray(plan.mixRecords),
    all: refs,
  };
}

export interface MixRunOptions extends SourceLoadOptions {
  /** Where mixes go (default out/mixes). */
  outDir?: string;
}

export interface MixRunResult {
  plan: MixPlan;
  file: string;
  manifestFile: string;
  holdoutFile?: string;
  sha256: string;
  bytes: number;
}

/** Writes every point of a spec (`mix run`); a sweep also writes `<name>.sweep.csv`. */
export async function runMix(spec: MixSpec, options: MixRunOptions = {}): Promise<MixRunResult[]> {
  const say = options.onProgress ?? (() => {});
  const outDir = options.outDir ?? outPath("mixes");
  refuseMixOverInputs(spec, outDir, options);
  const opened = await openMixSources(spec, options);
  const sources = opened.sources as RecordSource[];
  try {
    const counts = sources.map((s) => s.count);
    const { plans, draws, counter } = await planOpened(
      spec,
      sources,
      sources.map(() => null),
      options,
    );
    const bad = plans.find((p) => !p.ok);
    if (bad) {
      // Every source "ok" yet nothing to mix: the sources hold no records; name them.
      const empty = bad.sources.findIndex((x) => x.holds === 0);
      if (bad.afterTotal === 0 && empty >= 0 && bad.sources.every((x) => x.status === "ok"))
        throw new InputError(
          { file: options.specFile ?? spec.name, field: `sources[${empty}]` },
          `${bad.point.label ? `[${bad.point.label}] ` : ""}${bad.sources[empty].name}: the source holds no records (${opened.files[empty].join(", ")}), so the mix would be empty`,
        );
      const s = bad.sources.find((x) => x.status !== "ok");
      const k = bad.sources.indexOf(s!);
      throw new InputError(
        { file: options.specFile ?? spec.name, field: s ? `sources[${k}]` : "holdout" },
        `${bad.point.label ? `[${bad.point.label}] ` : ""}${s ? `${s.name}: ${s.status}` : `holdout ${bad.holdout} leaves no records`} (npx t3kit mix plan shows the whole table)`,
      );
    }
    const inputHashes = new Map<string, string>();
    for (const f of opened.files.flat()) {
      if (!inputHashes.has(f)) inputHashes.set(f, await sha256File(f));
    }
    const results: MixRunResult[] = [];
    for (const plan of plans) {
      const { mix, holdout } = selectMix(spec, plan, counts, draws);
      const tokensIn = counter
        ? {
            mix: await tokensBySource(mix, sources, counter),
            holdout: await tokensBySource(holdout, sources, counter),
          }
        : null;
      checkRefs(mix, sources, spec.checks);
      checkRefs(holdout, sources, spec.checks);
      const base = mixOutputBase(spec, outDir, plan.point);
      const ext = spec.output.format === "jsonl" ? "jsonl" : "json";
      const file = `${base}.${ext}`;
      say(`writing ${file} (${mix.length} records)`);
      const bytes = await writeMixFile(file, mix, sources, spec.output.format);
      let holdoutFile: string | undefined;
      if (holdout.length > 0) {
        holdoutFile = `${base}.holdout.${ext}`;
        await writeMixFile(holdoutFile, holdout, sources, spec.output.format);
      }
      const sha256 = await sha256File(file);
      const manifestFile = `${base}.manifest.json`;
      const manifest = {
        kit: { name: "t3kit", version: kitVersion() },
        spec: spec.name,
        specFile: options.specFile ?? null,
        resolvedSpec: spec,
        point: plan.point,
        seed: spec.seed,
        paper: spec.paper ?? null,
        inputs: spec.sources.map((s, k) => ({
          source: s.name,
          kind: s.kind,
          files: opened.files[k].map((f) => ({ path: f, sha256: inputHashes.get(f) })),
          holds: counts[k],
          requested: plan.sources[k].requested,
          takes: plan.sources[k].takes,
          passes: plan.sources[k].passes,
          replacement: plan.sources[k].replacement,
          inMix: countFrom(mix, k),
          inHoldout: countFrom(holdout, k),
          ...(tokensIn
            ? {
                tokens: {
                  budget: plan.sources[k].tokenBudget ?? null,
                  takes: plan.sources[k].tokens,
                  share: plan.sources[k].tokenShare,
                  inMix: tokensIn.mix[k],
                  inHoldout: tokensIn.holdout[k],
                },
              }
            : {}),
        })),
        ...(plan.tokens
          ? {
              tokens: {
                ...plan.tokens,
                visual: spec.tokens?.visual ?? {},
                inMix: tokensIn!.mix.reduce((a, t) => a + t, 0),
              },
            }
          : {}),
        // Output paths relative to the manifest, so a copied folder stays consistent.
        output: {
          path: basename(file),
          format: spec.output.format,
          records: mix.length,
          bytes,
          sha256,
        },
        holdout: holdoutFile
          ? {
              path: basename(holdoutFile),
              records: holdout.length,
              sha256: await sha256File(holdoutFile),
            }
          : null,
      };
      await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
      results.push({ plan, file, manifestFile, holdoutFile, sha256, bytes });
    }
    if (plans.length > 1) {
      const csv = join(outDir, `${spec.output.file ?? spec.name}.sweep.csv`);
      await writeFileAtomic(csv, sweepCsv(results));
      say(`summary ${csv}`);
    }
    return results;
  } finally {
    for (const s of sources) s?.close();
  }
}

function countFrom(refs: Float64Array, source: number): number {
  let n = 0;
  for (let i = 0; i < refs.length; i++) if (refSource(refs[i]) === source) n++;
  return n;
}

/** The checks `mix run` makes on every record it writes (`mix plan` makes the same). */
export function checkRefs(
  refs: Float64Array,
  sources: readonly RecordSource[],
  checks: MixSpec["checks"],
): void {
  const seen = new Set<number>();
  for (let k = 0; k < refs.length; k++) {
    if (seen.has(refs[k])) continue;
    seen.add(refs[k]);
    const s = sources[refSource(refs[k])];
    const i = refIndex(refs[k]);
    const where = s instanceof ConcatSource ? s.where(i) : { file: s.file, record: i };
    checkLlavaRecord(s.record(i), where, checks.imageRoot, checks.imageTags);
  }
}

/** The summary table of a sweep: one row per point, one column per source. */
export function sweepCsv(results: MixRunResult[]): string {
  const names = results[0].plan.sources.map((s) => s.name);
  const head = ["point", ...names, "concatenated", "mix", "holdout", "file", "sha256"];
  const rows = results.map((r) => [
    r.plan.point.label,
    ...r.plan.sources.map((s) => String(s.takes)),
    String(r.plan.concatenated),
    String(r.plan.mixRecords),
    String(r.plan.holdout),
    r.file,
    r.sha256,
  ]);
  return `${[head, ...rows].map((r) => r.join(",")).join("\n")}\n`;
}

function kitVersion(): string {
  return JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).version;
}

export type { MixPoint };
