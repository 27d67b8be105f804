/**
 * Token budgets: which records a `count: { tokens: N }` or `proportion: { tokens: p }`
 * source gives to a mix.
 *
 * Rule ("stop before exceeding, unless nothing fits"): records are taken in the source's
 * seeded order while the running sum of their tokens stays within the budget. The first
 * record that would exceed the budget ends the source; none is skipped to look for a
 * shorter one (that would favour short records). A budget smaller than the first record
 * takes that one record (the only overshoot). A source whose records run out before the
 * budget follows its exhaustion rule as record counts do: `error` (the plan fails),
 * `truncate` (all it holds), `repeat` (reshuffled passes, at most `maxRepeats`), or
 * `replacement: true` (independent draws, at most `maxRepeats` copies of one record).
 *
 * Order: each token-budget source draws from a generator of its own, CPython's
 * `random.Random(key)` with key = the first 8 bytes (big-endian) of
 * sha256("<seed>/<source name>"), so which records it takes does not depend on the other
 * sources or the sweep point, and the plan counts exactly the records the run writes.
 * Without replacement: `shuffle(list(range(n)))` per pass; with: `randbelow(n)` per draw.
 */
import { createHash } from "node:crypto";
import type { OnProgress } from "../../progress/index";
import { PythonRandom } from "../../pyrandom/index";
import type { RecordSource } from "../sources/record-source";
import type { RecordTokenCounter } from "../sources/record-token-counter";
import { type MixSpec, type SourceSpec, tokenKnobOf } from "../spec/mix-spec-types";

/** The records a token budget takes, in draw order, and what that cost. */
export interface TokenDraw {
  budget: number;
  /** Record indices taken, in order (repeats included). */
  indices: Uint32Array;
  tokens: number;
  passes: number;
  /** "ok", or why the budget cannot be met under the source's exhaustion rule. */
  status: string;
  /** Records tokenized to decide (the walk stops at the budget, so usually ≈ indices.length). */
  counted: number;
}

/**
 * The records every token-knob source of `spec` takes (null for the other sources, and
 * for a source that could not be opened), counted with `counter`.
 */
export async function drawTokenBudgets(
  spec: MixSpec,
  sources: readonly (RecordSource | null)[],
  counter: RecordTokenCounter | null,
  onProgress?: OnProgress,
): Promise<(TokenDraw | null)[]> {
  const draws: (TokenDraw | null)[] = [];
  for (const [k, s] of spec.sources.entries()) {
    const budget = tokenBudgetOf(spec, s);
    const source = sources[k];
    if (budget === undefined || !source || !counter) {
      draws.push(null);
      continue;
    }
    onProgress?.({ note: `counting ${s.name} up to its budget of ${budget} tokens` });
    draws.push(
      await drawTokenBudget(spec, s, source.count, budget, (ix) => counter.tokensOf(k, ix)),
    );
  }
  return draws;
}

/** The budget in tokens of a token-knob source (undefined for record knobs). */
export function tokenBudgetOf(spec: MixSpec, s: SourceSpec): number | undefined {
  const knob = tokenKnobOf(s);
  if (!knob) return undefined;
  return knob.kind === "count" ? knob.value : Math.round(knob.value * spec.tokens!.total!);
}

/** The generator key of a token-budget source: sha256("<seed>/<name>")[:8] as an int. */
export function tokenSourceSeed(seed: number, name: string): bigint {
  const digest = createHash("sha256").update(`${seed}/${name}`, "utf8").digest();
  return digest.readBigUInt64BE(0);
}

/**
 * Walks source `s` (of `size` records) in its seeded order until `budget` tokens.
 * `tokensOf` counts a batch of record indices (cached by the caller); batches are sized
 * from the tokens per record seen so far, so little is counted past the stop.
 */
export async function drawTokenBudget(
  spec: MixSpec,
  s: SourceSpec,
  size: number,
  budget: number,
  tokensOf: (indices: Uint32Array) => Promise<Int32Array>,
): Promise<TokenDraw> {
  const rng = new PythonRandom(tokenSourceSeed(spec.seed, s.name));
  const cap = s.maxRepeats ?? 1;
  const capped = s.replacement && s.maxRepeats !== undefined;
  const used = capped ? new Uint32Array(size) : null;
  let full = 0; // records drawn maxRepeats times
  let order: Uint32Array | null = null;
  let pos = 0;
  let pass = 0;
  const maxPasses = s.replacement ? Number.POSITIVE_INFINITY : s.onExhausted === "repeat" ? cap : 1;
  // The candidate stream: the next record index, or -1 when the source is exhausted.
  const next = (): number => {
    if (size === 0) return -1;
    if (s.replacement) {
      if (used) {
        if (full === size) return -1;
        let i = rng.randbelow(size);
        while (used[i] >= cap) i = rng.randbelow(size);
        if (++used[i] === cap) full++;
        return i;
      }
      return rng.randbelow(size);
    }
    if (order === null || pos === size) {
      if (pass >= maxPasses) return -1;
      if (order === null) {
        order = new Uint32Array(size);
        for (let i = 0; i < size; i++) order[i] = i;
      }
      rng.shuffleIndices(order);
      pass++;
      pos = 0;
    }
    return order[pos++];
  };
  const taken: number[] = [];
  let tokens = 0;
  let counted = 0;
  let exhausted = false;
  let stoppedByBudget = false;
  let zeroRun = 0;
  walk: while (tokens < budget) {
    const avg = taken.length > 0 ? Math.max(tokens / taken.length, 1) : 0;
    const want = avg > 0 ? Math.ceil((budget - tokens) / avg) + 1 : 16;
    const batch: number[] = [];
    while (batch.length < Math.min(Math.max(want, 4), 512)) {
      const i = next();
      if (i < 0) {
        exhausted = true;
        break;
      }
      batch.push(i);
    }
    if (batch.length === 0) break;
    const counts = await tokensOf(Uint32Array.from(batch));
    counted += batch.length;
    for (let j = 0; j < batch.length; j++) {
      const t = counts[j];
      if (tokens + t > budget && taken.length > 0) {
        stoppedByBudget = true;
        break walk;
      }
      taken.push(batch[j]);
      tokens += t;
      zeroRun = t === 0 ? zeroRun + 1 : 0;
      if (zeroRun > 4 * size + 64) break walk;
      if (tokens >= budget) break walk;
    }
    if (exhausted) break;
  }
  const indices = Uint32Array.from(taken);
  const passes = s.replacement ? 1 : Math.max(1, Math.ceil(indices.length / Math.max(size, 1)));
  const out = { budget, indices, tokens, passes, counted };
  if (zeroRun > 4 * size + 64)
    return { ...out, status: "its records hold no tokens under these token settings" };
  if (!exhausted || stoppedByBudget || tokens >= budget) return { ...out, status: "ok" };
  // Exhausted short of the budget: as for record counts, say what the rule allows.
  if (size === 0) {
    return s.onExhausted === "truncate"
      ? { ...out, status: "ok" }
      : { ...out, status: `asks ${budget} tokens but holds no records` };
  }
  if (s.replacement)
    return {
      ...out,
      status: `asks ${budget} tokens but maxRepeats ${cap} × ${size} records hold ${tokens}`,
    };
  if (s.onExhausted === "truncate") return { ...out, status: "ok" };
  const perPass = s.onExhausted === "repeat" ? tokens / cap : tokens;
  if (s.onExhausted === "repeat") {
    const needed = Math.ceil(budget / perPass);
    return {
      ...out,
      status: `needs ${needed} passes over ${size} records (${perPass} tokens a pass); maxRepeats is ${cap}`,
    };
  }
  return {
    ...out,
    status: `asks ${budget} tokens but its ${size} records hold ${tokens}: set onExhausted: truncate or repeat, or replacement: true`,
  };
}
