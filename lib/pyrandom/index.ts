/**
 * CPython-compatible randomness: `new PythonRandom(seed)` draws exactly what
 * `random.seed(seed)` then `random.shuffle` / `getrandbits` / `random()` draw in CPython 3.
 */
export { PythonRandom, bitLength, seedKey } from "./mersenne-twister";
export { deriveSeed } from "./derive-seed";
