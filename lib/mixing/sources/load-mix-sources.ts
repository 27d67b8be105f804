import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { InputError } from "../../errors/index";
import { isHubSpec, resolveSource } from "../../hub/index";
import { readRecords } from "../../json/index";
import { dataDir } from "../../paths/index";
/**
 * Opens the sources a spec names: resolves `{var}` templates and relative paths (relative
 * to the spec file), fetches `hub:` sources through lib/hub, and loads each as a
 * RecordSource (LLaVA files and T3 files by byte spans, HotpotQA converted in memory).
 */
import type { OnProgress } from "../../progress/index";
import { PythonRandom } from "../../pyrandom/index";
import { isT3TrainingFile } from "../../records/index";
import { T3_FILES, t3IdPrefix } from "../../records/index";
import type { MixSpec, SourceSpec } from "../spec/mix-spec";
import { ConcatSource } from "./concat-source";
import { HOTPOTQA_MAX_WORDS, hotpotqaToLlava } from "./hotpotqa-records";
import { keepWholeLlava } from "./keep-used-records";
import { MemorySource, type RecordSource, loadFileSource } from "./record-source";

export interface SourceLoadOptions {
  /** The spec file (relative paths resolve against its folder). */
  specFile?: string;
  /** Overrides of the spec's vars, e.g. `{ t3: "/data/Video-T3-QA" }`. */
  vars?: Record<string, string>;
  /**
   * LLaVA files of at least this many bytes are not held in memory: each mix reads back
   * the records it uses (default 256 MiB).
   */
  keepWholeLlavaBelow?: number;
  onProgress?: OnProgress;
}

/** A source's path with `{var}`s filled in and made absolute (hub: specs stay as they are). */
export function resolveSourcePath(
  spec: MixSpec,
  s: SourceSpec,
  k: number,
  options: SourceLoadOptions,
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

/** Loads source k of the spec. */
export async function loadMixSource(
  spec: MixSpec,
  k: number,
  options: SourceLoadOptions = {},
): Promise<{ source: RecordSource; files: string[] }> {
  const s = spec.sources[k];
  const say = (note: string) => options.onProgress?.({ note });
  let path = resolveSourcePath(spec, s, k, options);
  if (isHubSpec(path)) {
    say(`fetching ${path}`);
    path = await resolveSource(path);
  }
  if (!existsSync(path)) {
    throw new InputError(
      { file: path },
      `source "${s.name}" (sources[${k}].path in ${options.specFile ?? spec.name}): no such file or folder`,
    );
  }
  say(`reading ${s.name}: ${path}`);
  if (s.kind === "llava") {
    return {
      source: await loadFileSource(s.name, path, "llava", {
        keepBytes: keepWholeLlava(path, options.keepWholeLlavaBelow),
      }),
      files: [path],
    };
  }
  if (s.kind === "t3") {
    const files = t3FilesOf(path);
    if (files.length === 0)
      throw new InputError(
        { file: path },
        `source "${s.name}": no .json or .jsonl T3 files in this folder`,
      );
    const parts: RecordSource[] = [];
    for (const f of files)
      parts.push(
        await loadFileSource(`${s.name}:${basename(f)}`, f, "t3-pairs", {
          idPrefix: t3PrefixFor(f),
          keepBytes: true,
        }),
      );
    return { source: parts.length === 1 ? parts[0] : new ConcatSource(s.name, path, parts), files };
  }
  // HotpotQA: converted in memory with a generator of its own, so the conversion does not
  // depend on the points of a sweep.
  const rng = new PythonRandom(spec.seed);
  const records = [];
  for await (const { index, record } of readRecords(path)) {
    const r = hotpotqaToLlava(
      record,
      rng,
      { file: path, record: index },
      s.maxWords ?? HOTPOTQA_MAX_WORDS,
    );
    if (r) records.push(r);
  }
  return { source: new MemorySource(s.name, path, records), files: [path] };
}
