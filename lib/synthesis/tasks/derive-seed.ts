/**
 * Every synthesis task gets its own random stream, derived from the user's seed and the
 * task's name, so that a task's output does not change when other tasks are added or
 * removed. The stream itself is CPython's Mersenne Twister (lib/pyrandom), the kit's one
 * generator.
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
