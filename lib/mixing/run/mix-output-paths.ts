/**
 * Where `mix run` writes, known from the spec alone (before any source is read), and the
 * refusal to write any of it over one of the run's own inputs.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { refuseOutputOverInput } from "../../files/index";
import { isHubSpec } from "../../hub/index";
import { type MixPoint, mixPoints } from "../plan/plan-mix";
import { type SourcePathOptions, resolveSourcePath, t3FilesOf } from "../sources/source-paths";
import type { MixSpec } from "../spec/mix-spec-types";

/** `<out>/<name>[-<label>]`: the mix, holdout and manifest paths add their endings. */
export function mixOutputBase(spec: MixSpec, outDir: string, point: MixPoint): string {
  return join(outDir, `${spec.output.file ?? spec.name}${point.label ? `-${point.label}` : ""}`);
}

/** Every file `mix run` may write for this spec into `outDir`. */
export function mixOutputPaths(spec: MixSpec, outDir: string): string[] {
  const ext = spec.output.format === "jsonl" ? "jsonl" : "json";
  const points = mixPoints(spec);
  const paths = points.flatMap((p) => {
    const base = mixOutputBase(spec, outDir, p);
    return [`${base}.${ext}`, `${base}.holdout.${ext}`, `${base}.manifest.json`];
  });
  if (points.length > 1) paths.push(join(outDir, `${spec.output.file ?? spec.name}.sweep.csv`));
  return paths;
}

/** The local files a spec reads (hub: sources are fetched into the cache, never written). */
export function mixInputPaths(spec: MixSpec, options: SourcePathOptions): string[] {
  const inputs = options.specFile ? [options.specFile] : [];
  spec.sources.forEach((s, k) => {
    const path = resolveSourcePath(spec, s, k, options);
    if (isHubSpec(path) || !existsSync(path)) return;
    inputs.push(...(statSync(path).isDirectory() ? t3FilesOf(path) : [path]));
  });
  return inputs;
}

/** Throws before anything is read when an output of the run would replace one of its inputs. */
export function refuseMixOverInputs(
  spec: MixSpec,
  outDir: string,
  options: SourcePathOptions,
): void {
  refuseOutputOverInput(
    mixOutputPaths(spec, outDir),
    mixInputPaths(spec, options),
    "give --out another folder, or the spec another name (or output.file)",
  );
}
