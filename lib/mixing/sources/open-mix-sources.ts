/**
 * Opens the sources a spec names (paths from source-paths.ts): fetches `hub:` sources
 * through lib/hub, and loads each as a RecordSource (LLaVA files and T3 files by byte
 * spans, HotpotQA converted in memory).
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { InputError } from "../../errors/index";
import { type HubOptions, isHubSpec, resolveSource } from "../../hub/index";
import { readRecords } from "../../json/index";
import type { OnProgress } from "../../progress/index";
import { PythonRandom } from "../../pyrandom/index";
import type { MixSpec } from "../spec/mix-spec-types";
import { ConcatSource } from "./concat-source";
import { HOTPOTQA_MAX_WORDS, hotpotqaToLlava } from "./hotpotqa-records";
import { keepWholeLlava } from "./keep-used-records";
import { MemorySource, type RecordSource, loadFileSource } from "./record-source";
import {
  type SourcePathOptions,
  refuseUnusedVars,
  resolveSourcePath,
  t3FilesOf,
  t3PrefixFor,
} from "./source-paths";

export interface SourceLoadOptions extends SourcePathOptions {
  /**
   * LLaVA files of at least this many bytes are not held in memory: each mix reads back
   * the records it uses (default 256 MiB).
   */
  keepWholeLlavaBelow?: number;
  /** Notes: each source as it is read or fetched. */
  onProgress?: OnProgress;
  /** How `hub:` sources are fetched (download progress, retry notices, retries). */
  hub?: HubOptions;
}

/** A spec's sources, opened: each with the files it reads, or why it could not be opened. */
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
  if (options.refuseUnusedVars) refuseUnusedVars(spec, options);
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
    path = await resolveSource(path, options.hub);
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
