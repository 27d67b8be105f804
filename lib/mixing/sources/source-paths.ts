/**
 * Where a spec's sources are, known before any is read: `{var}` templates filled in,
 * relative paths made absolute (relative to the spec file), and the files a T3 folder
 * holds. `mix run` needs them to refuse an output over an input before it opens anything.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { InputError } from "../../errors/index";
import { isHubSpec } from "../../hub/index";
import { dataDir } from "../../paths/index";
import { T3_FILES, isT3TrainingFile, t3IdPrefix } from "../../records/index";
import type { MixSpec, SourceSpec } from "../spec/mix-spec-types";

export interface SourcePathOptions {
  /** The spec file (relative paths resolve against its folder). */
  specFile?: string;
  /** Overrides of the spec's vars, e.g. `{ t3: "/data/Video-T3-QA" }`. */
  vars?: Record<string, string>;
  /**
   * The vars were typed by a person (`--var`): one that no source path uses is refused.
   * Programs that pass one set of vars to many specs (the notebooks) leave it off.
   */
  refuseUnusedVars?: boolean;
}

/** A source's path with `{var}`s filled in and made absolute (hub: specs stay as they are). */
export function resolveSourcePath(
  spec: MixSpec,
  s: SourceSpec,
  k: number,
  options: SourcePathOptions,
): string {
  const vars: Record<string, string> = { data: dataDir, ...spec.vars, ...(options.vars ?? {}) };
  const where = { file: options.specFile ?? spec.name, field: `sources[${k}].path` };
  let path = s.path;
  for (let round = 0; round < 4 && /\{(\w+)\}/.test(path); round++) {
    path = path.replace(/\{(\w+)\}/g, (_, v: string) => {
      if (vars[v] === undefined)
        throw new InputError(
          where,
          `unknown variable {${v}} (known: ${Object.keys(vars).join(", ")})`,
        );
      return vars[v];
    });
  }
  if (isHubSpec(path) || isAbsolute(path)) return path;
  return resolve(options.specFile ? dirname(options.specFile) : process.cwd(), path);
}

/**
 * A `--var` that no source path uses (directly or through the spec's vars) is a typo or a
 * wrong spec: it would be dropped without a word.
 */
export function refuseUnusedVars(spec: MixSpec, options: SourcePathOptions): void {
  const given = Object.keys(options.vars ?? {});
  if (given.length === 0) return;
  const texts = [...spec.sources.map((s) => s.path), ...Object.values(spec.vars)];
  const used = new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
  const unused = given.filter((v) => !used.has(v));
  if (unused.length > 0)
    throw new InputError(
      { file: options.specFile ?? spec.name, field: "vars" },
      `--var ${unused.join(", ")}: the spec never uses {${unused[0]}} (its paths use ${[...used].map((u) => `{${u}}`).join(", ") || "no variables"})`,
    );
}

/** The files a T3 source reads: one file, or the T3 files of a folder (the 13 in load order first). */
export function t3FilesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const names = readdirSync(path).filter(isT3TrainingFile);
  const known = T3_FILES.map((f) => f.file).filter((f) => names.includes(f));
  const others = names.filter((f) => !known.includes(f)).sort();
  return [...known, ...others].map((f) => join(path, f));
}

/** The id prefix of a T3 file: the released one for the 13 known names, else `t3-<name>-`. */
export function t3PrefixFor(file: string): string {
  const known = T3_FILES.find((f) => f.file === basename(file));
  return known ? t3IdPrefix(known) : `t3-${basename(file).replace(/\.jsonl?$/, "")}-`;
}
