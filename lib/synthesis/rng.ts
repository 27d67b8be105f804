/**
 * The randomness a synthesis step needs, as a small interface; lib/pyrandom's PythonRandom
 * (CPython's Mersenne Twister) provides it.
 */
export interface Rng {
  /** A float in [0, 1). */
  random(): number;
  /** An integer in [0, n), uniform; n >= 1. */
  randbelow(n: number): number;
}

/** Fisher–Yates in place from the end, the way CPython's `shuffle` walks the list. */
export function shuffleInPlace<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.randbelow(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** One element, uniformly. */
export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.randbelow(items.length)];
}
