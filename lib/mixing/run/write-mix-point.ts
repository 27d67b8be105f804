/**
 * One point of `mix run`: its mix (and holdout) checked record by record, written
 * atomically, then its manifest beside it (mix-manifest.ts).
 */
import { createHash } from "node:crypto";
import { writeFileAtomic } from "../../files/index";
import type { OnProgress } from "../../progress/index";
import { checkMixRefs } from "../checks/check-mix-refs";
import type { PlannedPoint } from "../plan/open-and-plan-spec";
import type { MixPlan } from "../plan/plan-mix";
import { keepUsedRecords } from "../sources/keep-used-records";
import { type ManifestContext, mixManifest } from "./mix-manifest";
import { mixOutputBase } from "./mix-output-paths";
import { writeMixFile } from "./write-mix-file";

/** What every point of one run shares. */
export interface MixRun extends ManifestContext {
  outDir: string;
  onProgress?: OnProgress;
}

/** One written point: its plan, files, and the output's sha256 and size. */
export interface MixRunResult {
  plan: MixPlan;
  file: string;
  manifestFile: string;
  holdoutFile?: string;
  sha256: string;
  bytes: number;
}

/** Writes one runnable point: mix, holdout when there is one, manifest. */
export async function writeMixPoint(run: MixRun, point: PlannedPoint): Promise<MixRunResult> {
  const { spec } = run;
  const { plan } = point;
  const { mix, holdout } = point.picked!;
  const sources = keepUsedRecords(run.sources, [mix, holdout]);
  checkMixRefs(mix, sources, spec.checks);
  checkMixRefs(holdout, sources, spec.checks);
  const base = mixOutputBase(spec, run.outDir, plan.point);
  const ext = spec.output.format === "jsonl" ? "jsonl" : "json";
  const file = `${base}.${ext}`;
  run.onProgress?.({ note: `writing ${file} (${mix.length} records)` });
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
  const manifest = await mixManifest(run, point, { file, bytes, sha256, holdoutFile });
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { plan, file, manifestFile, holdoutFile, sha256, bytes };
}
