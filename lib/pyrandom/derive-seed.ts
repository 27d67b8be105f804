/**
 * One random stream per labelled part of a run (a synthesis task, a probing video), derived
 * from the user's seed and the label, so that a part's output does not change when other
 * parts are added or removed. The stream itself is CPython's Mersenne Twister, the kit's
 * one generator.
 */

/** A 32-bit seed from a user seed and a label (FNV-1a over both), e.g. a task key. */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${label}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
