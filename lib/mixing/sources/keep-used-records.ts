/**
 * For one mix: file sources read without keeping their bytes become sources holding the
 * records the mix uses (keepRecords), read back in file order. `mix run` scans a large
 * LLaVA file without keeping it: the 1.5 GB bench file held whole made its peak 2.6 GB.
 */
import { statSync } from "node:fs";
import { refIndex, refSource } from "./record-refs";
import { type RecordSource, keepRecords, keepsBytes } from "./record-source";

/** LLaVA files from this size are scanned without keeping their bytes (default). */
export const KEEP_USED_ONLY_ABOVE = 256 << 20;

/** Keep a LLaVA file's bytes while scanning it: only when it is under `limit` bytes. */
export function keepWholeLlava(file: string, limit = KEEP_USED_ONLY_ABOVE): boolean {
  return statSync(file).size < limit;
}

/** The records of source `k` (of `count`) that `lists` use, once each, in file order. */
export function usedIndices(lists: readonly Float64Array[], k: number, count: number): Uint32Array {
  const used = new Uint8Array(count);
  let n = 0;
  for (const refs of lists)
    for (let r = 0; r < refs.length; r++) {
      if (refSource(refs[r]) !== k) continue;
      const i = refIndex(refs[r]);
      if (!used[i]) n++;
      used[i] = 1;
    }
  const indices = new Uint32Array(n);
  for (let i = 0, j = 0; i < count; i++) if (used[i]) indices[j++] = i;
  return indices;
}

/** `sources`, with those that keep no bytes replaced by the records `lists` use. */
export function keepUsedRecords(
  sources: readonly RecordSource[],
  lists: readonly Float64Array[],
): RecordSource[] {
  return sources.map((s, k) => {
    if (keepsBytes(s)) return s;
    const indices = usedIndices(lists, k, s.count);
    return indices.length === 0 ? s : keepRecords(s, indices);
  });
}
