/**
 * A mix is a list of references to records of its sources: source k's record i packed in
 * one number (k × 2^32 + i), so a 200k-record mix is one Float64Array rather than 200k
 * objects. Plans draw them, checks and writers read them back.
 */

/** A reference to record `index` of `sources[source]`, packed in one number. */
export function packRef(source: number, index: number): number {
  return source * 4294967296 + index;
}

/** The source a packed reference points into. */
export function refSource(ref: number): number {
  return Math.floor(ref / 4294967296);
}

/** The record index (within its source) a packed reference points at. */
export function refIndex(ref: number): number {
  return ref % 4294967296;
}
