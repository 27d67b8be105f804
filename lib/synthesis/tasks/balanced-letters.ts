/**
 * Where the correct option goes, so answer letters come out balanced: for each option
 * count, a shuffled deck of the positions is dealt out and refilled when empty, so over
 * any n items every letter is right about as often (exactly, per full deck).
 */
import type { PythonRandom } from "../../pyrandom/index";

export class BalancedLetters {
  private readonly decks = new Map<number, number[]>();
  constructor(private readonly rng: PythonRandom) {}

  /** The position (0-based) of the correct option among `count` options. */
  next(count: number): number {
    let deck = this.decks.get(count);
    if (!deck || deck.length === 0) {
      deck = this.rng.shuffle(Array.from({ length: count }, (_, i) => i));
      this.decks.set(count, deck);
    }
    return deck.pop()!;
  }
}

/** `wrong` options shuffled around the correct one, which lands at `slot`. */
export function placeOptions(
  rng: PythonRandom,
  correct: string,
  wrong: string[],
  slot: number,
): string[] {
  const others = rng.shuffle([...wrong]);
  return [...others.slice(0, slot), correct, ...others.slice(slot)];
}
