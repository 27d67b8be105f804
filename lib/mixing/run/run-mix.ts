/**
 * `mix run`: a spec's sources opened and every point (one, or one per sweep value)
 * planned and drawn (plan/open-and-plan-spec.ts, as `mix plan` does), then each point's
 * mix written with a manifest beside it (write-mix-point.ts): counts per source, seed,
 * sha256 of every input and of the output, the resolved spec and the kit version. No
 * clock time goes in, so the same spec gives the same bytes. When the spec counts tokens
 * (a `tokens:` block or a token knob), plans and manifests carry the tokens of every
 * source; only records that are taken are tokenized.
 */
import { join, resolve } from "node:path";
import { InputError } from "../../errors/index";
import { requireInputFile, requireOutputFolder, writeFileAtomic } from "../../files/index";
import { outPath } from "../../paths/index";
import { type PlannedPoint, openAndPlanSpec } from "../plan/open-and-plan-spec";
import type { SourceLoadOptions } from "../sources/open-mix-sources";
import type { RecordSource } from "../sources/record-source";
import { loadMixSpec } from "../spec/mix-spec";
import type { MixSpec } from "../spec/mix-spec-types";
import { type InputHashing, hashInputsOnThread } from "./input-hashes";
import { refuseMixOverInputs } from "./mix-output-paths";
import { sweepCsv } from "./sweep-csv";
import { type MixRun, type MixRunResult, writeMixPoint } from "./write-mix-point";

export interface MixRunOptions extends SourceLoadOptions {
  /** Where mixes go (default out/mixes). */
  outDir?: string;
}

/** `mix run SPEC`: reads the spec file, then runs it (formatMixRun prints the result). */
export async function runMixSpecFile(
  specFile: string,
  options: Omit<MixRunOptions, "specFile"> = {},
): Promise<MixRunResult[]> {
  const file = resolve(specFile);
  requireInputFile(file);
  const spec = loadMixSpec(file);
  const outDir = options.outDir === undefined ? undefined : resolve(options.outDir);
  if (outDir) requireOutputFolder(outDir);
  return runMix(spec, { ...options, specFile: file, outDir });
}

/** Writes every point of a spec (`mix run`); a sweep also writes `<name>.sweep.csv`. */
export async function runMix(spec: MixSpec, options: MixRunOptions = {}): Promise<MixRunResult[]> {
  const outDir = options.outDir ?? outPath("mixes");
  refuseMixOverInputs(spec, outDir, options);
  // The inputs are hashed on another thread while this one plans and writes.
  const hashing: { started?: InputHashing } = {};
  try {
    const planned = await openAndPlanSpec(spec, options, {
      onOpened: (files) => {
        hashing.started = hashInputsOnThread(files.flat());
      },
    });
    try {
      refuseFailedPlan(spec, planned.points, planned.files, options.specFile);
      const run: MixRun = {
        spec,
        specFile: options.specFile,
        outDir,
        onProgress: options.onProgress,
        sources: planned.sources as RecordSource[],
        files: planned.files,
        hashes: hashing.started!.hashes,
      };
      const results: MixRunResult[] = [];
      for (const point of planned.points) results.push(await writeMixPoint(run, point));
      if (results.length > 1) {
        const csv = join(outDir, `${spec.output.file ?? spec.name}.sweep.csv`);
        await writeFileAtomic(csv, sweepCsv(results));
        options.onProgress?.({ note: `summary ${csv}` });
      }
      return results;
    } finally {
      planned.close();
    }
  } finally {
    await hashing.started?.cancel();
  }
}

/** A plan that cannot be met stops the run before anything is written. */
function refuseFailedPlan(
  spec: MixSpec,
  points: readonly PlannedPoint[],
  files: readonly string[][],
  specFile?: string,
): void {
  const bad = points.find((p) => !p.plan.ok)?.plan;
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
