/**
 * `<name>.manifest.json`, beside each mix `mix run` writes: the kit, the spec as
 * resolved, the point, every input with its sha256 and counts (and tokens when the spec
 * counts them), and the output. No clock time goes in, so the same spec gives the same
 * bytes; output paths are relative to the manifest, so a copied folder stays consistent.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { sha256File } from "../../files/index";
import { projectRoot } from "../../paths/index";
import type { MixManifest } from "../../records/index";
import type { PlannedPoint } from "../plan/open-and-plan-spec";
import { refSource } from "../sources/record-refs";
import type { RecordSource } from "../sources/record-source";
import type { MixSpec } from "../spec/mix-spec-types";

/** What the manifests of one run share. */
export interface ManifestContext {
  spec: MixSpec;
  specFile: string | undefined;
  /** The opened sources, and the files each reads. */
  sources: readonly RecordSource[];
  files: readonly string[][];
  /** The inputs' sha256, by path (computing on another thread). */
  hashes: Promise<ReadonlyMap<string, string>>;
}

/** What was written for the point. */
export interface WrittenMix {
  file: string;
  bytes: number;
  sha256: string;
  holdoutFile: string | undefined;
}

/** The manifest of one written point (the key order is the file's). */
export async function mixManifest(
  run: ManifestContext,
  point: PlannedPoint,
  written: WrittenMix,
): Promise<MixManifest> {
  const { spec } = run;
  const { plan, tokensIn } = point;
  const { mix, holdout } = point.picked!;
  const { file, bytes, sha256, holdoutFile } = written;
  const inputHashes = await run.hashes;
  return {
    kit: { name: "t3kit", version: kitVersion() },
    spec: spec.name,
    specFile: run.specFile ?? null,
    resolvedSpec: spec,
    point: plan.point,
    seed: spec.seed,
    paper: spec.paper ?? null,
    inputs: spec.sources.map((s, k) => ({
      source: s.name,
      kind: s.kind,
      files: run.files[k].map((f) => ({ path: f, sha256: inputHashes.get(f) })),
      holds: run.sources[k].count,
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

function kitVersion(): string {
  return JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).version;
}
