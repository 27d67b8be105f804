/**
 * Mulberry32: a tiny, fast 32-bit seeded generator (Tommy Ettinger's constants). Good
 * enough to pick templates and positions; not for cryptography. Every task gets its own
 * stream, derived from the user's seed and the task's name, so that a task's output does
 * not change when other tasks are added or removed.
 */
import type { Rng } from "./rng";

/** A seeded Mulberry32 generator behind the Rng interface. */
export function createMulberry32Rng(seed: number): Rng {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    random: () => next32() / 4294967296,
    randbelow(n: number): number {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`randbelow(${n})`);
      if (n === 1) return 0;
      // Rejection sampling keeps every value equally likely (no modulo bias).
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const r = next32();
        if (r < limit) return r % n;
      }
    },
  };
}

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
