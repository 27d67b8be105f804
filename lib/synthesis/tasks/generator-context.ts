/**
 * What every item generator draws on: its task's random stream, the letter balancer, the
 * caption windows and the context length. A generator returns undefined when the captions
 * it drew cannot make a checkable item (a phrase found twice, say); the caller draws again.
 */
import type { PythonRandom } from "../../pyrandom/index";
import type { TaskKey } from "../../records/index";
import type { CaptionPool, PooledCaption } from "../captions/caption-pool";
import type { MainObject } from "../captions/extract-main-object";
import { locatePhrase } from "../lexicon/locate-phrase";
import type { BalancedLetters } from "./balanced-letters";
import { PREFIX_POOL, SUFFIX_POOL } from "./prompt-pools";
import type { SynthesisItem } from "./synthesis-item";

export interface GeneratorContext {
  task: TaskKey;
  length: number;
  rng: PythonRandom;
  letters: BalancedLetters;
  /** Every caption of the split. */
  pool: CaptionPool;
  /** Captions that mention a phrase of the attribute lexicon. */
  attributePool: CaptionPool;
}

/** Wraps the parts in an item with a prefix and suffix from the pools. */
export function makeItem(
  ctx: GeneratorContext,
  captions: string[],
  question: string,
  options: string[],
  correct: number,
): SynthesisItem {
  return {
    task: ctx.task,
    length: ctx.length,
    prefix: ctx.rng.choice(PREFIX_POOL),
    captions,
    question,
    options,
    correct,
    suffix: ctx.rng.choice(SUFFIX_POOL),
  };
}

/**
 * The main objects (as `use` says) of `entries` at `positions` when each is found in its own caption of the context and
 * in no other (so an option that names it points to one keyframe); else undefined.
 */
export function uniqueObjects(
  entries: PooledCaption[],
  use: "nounPhrase" | "object",
  positions: readonly number[] = entries.map((_, i) => i),
): string[] | undefined {
  const texts = entries.map((e) => e.caption.text);
  const found: string[] = [];
  for (const i of positions) {
    const m: MainObject | undefined = entries[i].mainObject();
    if (!m || locatePhrase(texts, m[use]) !== i) return undefined;
    found.push(m[use]);
  }
  return new Set(found.map((f) => f.toLowerCase())).size === found.length ? found : undefined;
}

/** Distinct random permutations of 0..n-1 other than the identity. */
export function wrongPermutations(rng: PythonRandom, n: number, count: number): number[][] {
  const seen = new Set<string>([Array.from({ length: n }, (_, i) => i).join(",")]);
  const out: number[][] = [];
  while (out.length < count) {
    const p = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const key = p.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** `k` sorted positions out of `n`. */
export function sortedPositions(rng: PythonRandom, n: number, k: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(rng.randbelow(n));
  return [...chosen].sort((a, b) => a - b);
}

/** Every permutation of 0..n-1, in lexicographic order (n <= 4). */
export function allPermutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of allPermutations(n - 1)) {
    for (let i = 0; i <= rest.length; i++) out.push([...rest.slice(0, i), n - 1, ...rest.slice(i)]);
  }
  return out.sort((a, b) => a.join().localeCompare(b.join()));
}
