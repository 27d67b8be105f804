/**
 * A bounded window over the caption stream that items draw their keyframes from. Its size
 * is fixed (4,096 by default), so memory does not grow with the caption count; captions
 * enter in file order and the oldest leaves when it is full. What the tagger finds in a
 * caption is computed on first use and kept with it while it stays in the window.
 */
import type { PythonRandom } from "../../pyrandom/index";
import { type FoundAttribute, findLexiconAttribute } from "../lexicon/find-lexicon-attribute";
import { wordIndex } from "../lexicon/find-lexicon-attribute";
import type { Caption } from "./caption-record";
import { type MainObject, type NounRun, extractMainObject, nounRuns } from "./extract-main-object";

export class PooledCaption {
  private main: MainObject | null | undefined;
  private attribute: FoundAttribute | null | undefined;
  private runs: NounRun[] | undefined;
  constructor(readonly caption: Caption) {}

  /** The caption's noun runs, tagged once (main object and attribute share them). */
  private nounRuns = (): NounRun[] => {
    if (this.runs === undefined) this.runs = nounRuns(this.caption.text);
    return this.runs;
  };

  /** The main object (annotated, or from the tagger), if usable in an option. */
  mainObject(): MainObject | undefined {
    if (this.main === undefined) {
      const c = this.caption;
      const found =
        c.nounPhrase === null
          ? undefined
          : c.nounPhrase !== undefined
            ? { nounPhrase: c.nounPhrase, object: c.object ?? c.nounPhrase }
            : extractMainObject(c.text, this.nounRuns());
      this.main = found && usable(c.text, found) ? found : null;
    }
    return this.main ?? undefined;
  }

  /** The lexicon attribute the caption carries, if any. */
  lexiconAttribute(): FoundAttribute | undefined {
    if (this.attribute === undefined) {
      this.attribute = findLexiconAttribute(this.caption, this.nounRuns) ?? null;
    }
    return this.attribute ?? undefined;
  }
}

/** Phrases that can stand in an option: short, plain words, found again in the caption. */
function usable(text: string, m: MainObject): boolean {
  for (const p of [m.nounPhrase, m.object]) {
    if (!/^[A-Za-z][A-Za-z' -]*$/.test(p) || p.split(" ").length > 4) return false;
    if (/\b(and|then|before|after|appears)\b/i.test(p)) return false;
    if (wordIndex(text, p) < 0) return false;
  }
  return true;
}

export class CaptionPool {
  private readonly ring: PooledCaption[] = [];
  private next = 0;
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.ring.length;
  }

  add(entry: PooledCaption): void {
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else {
      this.ring[this.next] = entry;
      this.next = (this.next + 1) % this.capacity;
    }
  }

  /** `k` distinct captions, uniformly, in the order drawn; undefined when too few. */
  sample(rng: PythonRandom, k: number, avoid?: PooledCaption): PooledCaption[] | undefined {
    const n = this.ring.length;
    if (k > n - (avoid ? 1 : 0)) return undefined;
    const seen = new Set<number>();
    const out: PooledCaption[] = [];
    while (out.length < k) {
      const i = rng.randbelow(n);
      if (seen.has(i) || this.ring[i] === avoid) continue;
      seen.add(i);
      out.push(this.ring[i]);
    }
    return out;
  }
}
