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
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError } from "../../errors/index";
import { sha256File, writeFileAtomic } from "../../files/index";
import { outPath, projectRoot } from "../../paths/index";
import type { MixManifest } from "../../records/index";
import { checkMixRefs } from "../checks/check-mix-refs";
import type { MixPlan, MixPoint } from "../plan/plan-mix";
import {
  type OpenedSources,
  type PlannedSpec,
  openMixSources,
  planOpened,
  tokensBySource,
} from "../plan/plan-spec";
import { selectMix } from "../plan/select-mix";
import { keepUsedRecords } from "../sources/keep-used-records";
import type { SourceLoadOptions } from "../sources/load-mix-sources";
import type { RecordSource } from "../sources/record-source";
import type { MixSpec } from "../spec/mix-spec";
import { hashInputsOnThread } from "./input-hashes";
import { mixOutputBase, refuseMixOverInputs } from "./mix-output-paths";
import { refSource, writeMixFile } from "./write-mix-file";

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
  const say = (note: string) => options.onProgress?.({ note });
  const outDir = options.outDir ?? outPath("mixes");
  refuseMixOverInputs(spec, outDir, options);
  const opened = await openMixSources(spec, options);
  const sources = opened.sources as RecordSource[];
  // Hashed on another thread while this one plans and writes.
  const hashing = hashInputsOnThread(opened.files.flat());
  try {
    const planned = await planOpened(
      spec,
      sources,
      sources.map(() => null),
      options,
    );
    refuseFailedPlan(spec, planned.plans, opened.files, options.specFile);
    const run: RunContext = {
      spec,
      options,
      outDir,
      sources,
      opened,
      planned,
      hashing: hashing.hashes,
    };
    const results: MixRunResult[] = [];
    for (const plan of planned.plans) results.push(await writeMixPoint(run, plan));
    if (planned.plans.length > 1) {
      const csv = join(outDir, `${spec.output.file ?? spec.name}.sweep.csv`);
      await writeFileAtomic(csv, sweepCsv(results));
      say(`summary ${csv}`);
    }
    return results;
  } finally {
    await hashing.cancel();
    for (const s of sources) s?.close();
  }
}

/** A plan that cannot be met stops the run before anything is written. */
function refuseFailedPlan(
  spec: MixSpec,
  plans: readonly MixPlan[],
  files: readonly string[][],
  specFile?: string,
): void {
  const bad = plans.find((p) => !p.ok);
  if (!bad) return;
  // Every source "ok" yet nothing to mix: the sources hold no records; name them.
  const empty = bad.sources.findIndex((x) => x.holds === 0);
  if (bad.afterTotal === 0 && empty >= 0 && bad.sources.every((x) => x.status === "ok"))
    throw new InputError(
      { file: specFile ?? spec.name, field: `sources[${empty}]` },
      `${bad.point.label ? `[${bad.point.label}] ` : ""}${bad.sources[empty].name}: the source holds no records (${files[empty].join(", ")}), so the mix would be empty`,
    );
  const s = bad.sources.find((x) => x.status !== "ok");
  const k = bad.sources.indexOf(s!);
  throw new InputError(
    { file: specFile ?? spec.name, field: s ? `sources[${k}]` : "holdout" },
    `${bad.point.label ? `[${bad.point.label}] ` : ""}${s ? `${s.name}: ${s.status}` : `holdout ${bad.holdout} leaves no records`} (npx t3kit mix plan shows the whole table)`,
  );
}

/** What every point of one run shares. */
interface RunContext {
  spec: MixSpec;
  options: MixRunOptions;
  outDir: string;
  sources: RecordSource[];
  opened: OpenedSources;
  planned: PlannedSpec;
  /** The inputs' sha256, by path (computing on another thread). */
  hashing: Promise<ReadonlyMap<string, string>>;
}

/** One point: its mix (and holdout) drawn, checked, written, then its manifest. */
async function writeMixPoint(run: RunContext, plan: MixPlan): Promise<MixRunResult> {
  const { spec } = run;
  const { draws, counter } = run.planned;
  const counts = run.sources.map((s) => s.count);
  const { mix, holdout } = selectMix(spec, plan, counts, draws);
  const sources = keepUsedRecords(run.sources, [mix, holdout]);
  const tokensIn = counter
    ? {
        mix: await tokensBySource(mix, sources, counter),
        holdout: await tokensBySource(holdout, sources, counter),
      }
    : null;
  checkMixRefs(mix, sources, spec.checks);
  checkMixRefs(holdout, sources, spec.checks);
  const base = mixOutputBase(spec, run.outDir, plan.point);
  const ext = spec.output.format === "jsonl" ? "jsonl" : "json";
  const file = `${base}.${ext}`;
  run.options.onProgress?.({ note: `writing ${file} (${mix.length} records)` });
  // The output's sha256 as it is written, not by reading the file back.
  const hash = createHash("sha256");
  const bytes = await writeMixFile(file, mix, sources, spec.output.format, undefined, hash);
  let holdoutFile: string | undefined;
  if (holdout.length > 0) {
    holdoutFile = `${base}.holdout.${ext}`;
    await writeMixFile(holdoutFile, holdout, sources, spec.output.format);
  }
  const sha256 = hash.digest("hex");
  const manifestFile = `${base}.manifest.json`;
  const manifest = await mixManifest({
    run,
    plan,
    counts,
    mix,
    holdout,
    tokensIn,
    file,
    bytes,
    sha256,
    holdoutFile,
  });
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { plan, file, manifestFile, holdoutFile, sha256, bytes };
}

interface ManifestParts {
  run: RunContext;
  plan: MixPlan;
  counts: number[];
  mix: Float64Array;
  holdout: Float64Array;
  tokensIn: { mix: number[]; holdout: number[] } | null;
  file: string;
  bytes: number;
  sha256: string;
  holdoutFile: string | undefined;
}

/** The manifest of one written point (the key order is the file's). */
async function mixManifest(parts: ManifestParts): Promise<MixManifest> {
  const { run, plan, counts, mix, holdout, tokensIn, file, bytes, sha256, holdoutFile } = parts;
  const { spec, options, opened } = run;
  const inputHashes = await run.hashing;
  return {
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
}

function countFrom(refs: Float64Array, source: number): number {
  let n = 0;
  for (let i = 0; i < refs.length; i++) if (refSource(refs[i]) === source) n++;
  return n;
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
