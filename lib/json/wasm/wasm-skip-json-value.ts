/**
 * skipJsonValue's walk in the WebAssembly module (json-scan.c's skip_value): the probe keys
 * go in, the end and the probe's findings come out. Positions in and out are relative to
 * the bytes the module holds; `shift` maps them back to the caller's buffer.
 */
import type { JsonScanModule } from "./json-scan-module";

/**
 * What the module's walk fills: skip-json-value.ts's TopKeyProbe, written out here
 * structurally (importing it would make an import cycle with the file that calls this one).
 */
interface ProbeTarget {
  keys: Uint8Array[];
  found: number;
  turns?: {
    count: number;
    objectMask: number;
    valueMask: number;
    fromStart: Int32Array;
    fromEnd: Int32Array;
  };
}

/** json-scan.c's codes. */
export const WASM_NEED_MORE = -1;
export const WASM_FAULT = -2;
export const WASM_FALLBACK = -3;
export const WASM_REPEATED_KEY = -4;

/** json-scan.c's results indices. */
export const R_FOUND = 0;
export const R_TRICKY = 1;
const R_COUNT = 2;
const R_OBJECTS = 3;
const R_VALUES = 4;
const R_FROM_START = 5;
const R_FROM_END = 9;
export const R_FAULT_AT = 13;
export const R_END = 14;

/**
 * Walks a value in the module: the one loaded alone at `base` (`start` 0, `limit` its
 * length), or with base -1 the loaded chunk's from `start` within `limit`. On success
 * fills `probe` as skipJsonValue does (positions plus `shift`). Returns the module's code
 * or position (not shifted), and leaves R_TRICKY in m.results.
 */
export function skipInModule(
  m: JsonScanModule,
  base: number,
  start: number,
  limit: number,
  probe: ProbeTarget | null,
  structureOnly: boolean,
  shift: number,
): number {
  let flags = structureOnly ? 1 : 0;
  if (probe !== null) {
    flags |= 2;
    if (probe.turns) flags |= 4;
    if (m.loadedKeys !== probe.keys) writeKeys(m, probe.keys);
  }
  const keys = probe ? probe.keys.length : 0;
  const r =
    base < 0
      ? m.exports.skip_in_chunk(start, limit, flags, keys)
      : m.exports.skip_value(base, limit, flags, keys);
  if (r !== WASM_FALLBACK) m.walks++;
  if (r >= 0 && probe !== null) {
    const res = m.results;
    probe.found = res[R_FOUND];
    const t = probe.turns;
    if (t) {
      t.count = res[R_COUNT];
      t.objectMask = res[R_OBJECTS];
      t.valueMask = res[R_VALUES];
      for (let k = 0; k < 4; k++) {
        const s = res[R_FROM_START + k];
        t.fromStart[k] = s < 0 ? -1 : s + shift;
        t.fromEnd[k] = s < 0 ? -1 : res[R_FROM_END + k] + shift;
      }
    }
  }
  return r;
}

/** The keys as json-scan.c reads them: a length byte, then the bytes, for each. */
function writeKeys(m: JsonScanModule, keys: Uint8Array[]): void {
  if (keys.length > 30) throw new Error("at most 30 top-level keys can be probed");
  m.refresh();
  let at = m.exports.probe_keys();
  const stop = at + 1024;
  for (const key of keys) {
    if (key.length > 255 || at + 1 + key.length > stop)
      throw new Error("the probe keys do not fit the scanner's table (1 KiB)");
    m.bytes[at++] = key.length;
    m.bytes.set(key, at);
    at += key.length;
  }
  m.loadedKeys = keys;
}
