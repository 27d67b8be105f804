/**
 * The composition of a mix: per part (classify-record.ts), its records, share of records,
 * tokens and share of tokens (counted through lib/token-counting with any tokenizer),
 * turns, token-length percentiles (numpy's linear method) and, for multiple-choice items,
 * how often each answer letter is right.
 */
import { percentileSorted } from "../../statistics/index";
import type { MixRecord } from "./read-mix-record";

export interface CompositionRow {
  source: string;
  records: number;
  record_share: number;
  tokens: number;
  token_share: number;
  turns: number;
  tokens_p50: number;
  tokens_p90: number;
  tokens_p99: number;
  tokens_max: number;
  /** Answer letters of multiple-choice items, `{A: 12, B: 9, …}` (empty when none). */
  answer_letters: Record<string, number>;
}

/** The right letter of a multiple-choice item, or undefined when it is not one. */
export function answerLetter(record: MixRecord): string | undefined {
  const turns = record.turns;
  if (turns.length < 2) return undefined;
  const question = turns[turns.length - 2].value;
  const answer = turns[turns.length - 1].value.trim();
  const options = /\(A\)[\s\S]*\(B\)/.test(question) || /(^|\n)A\.[\s\S]*\nB\./.test(question);
  if (!options) return undefined;
  const m = /^\(([A-Z])\)/.exec(answer) ?? /^([A-Z])(?:[.):]|$)/.exec(answer);
  return m ? m[1] : undefined;
}

class PartTally {
  records = 0;
  tokens = 0;
  turns = 0;
  lengths: number[] = [];
  letters: Record<string, number> = {};
}

/** Adds records and their token counts; `rows()` gives the table. */
export class MixComposition {
  private readonly parts = new Map<string, PartTally>();

  /** A record of `part` with its tokens, turns and right answer letter (if any). */
  add(part: string, tokens: number, turns: number, letter?: string): void {
    let t = this.parts.get(part);
    if (!t) {
      t = new PartTally();
      this.parts.set(part, t);
    }
    t.records++;
    t.tokens += tokens;
    t.turns += turns;
    t.lengths.push(tokens);
    if (letter) t.letters[letter] = (t.letters[letter] ?? 0) + 1;
  }

  /** One row per part, largest first (ties by name). */
  rows(): CompositionRow[] {
    let records = 0;
    let tokens = 0;
    for (const t of this.parts.values()) {
      records += t.records;
      tokens += t.tokens;
    }
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return [...this.parts]
      .map(([source, t]) => {
        const sorted = Float64Array.from(t.lengths).sort();
        const letters = Object.fromEntries(
          Object.entries(t.letters).sort(([a], [b]) => (a < b ? -1 : 1)),
        );
        return {
          source,
          records: t.records,
          record_share: round(t.records / records),
          tokens: t.tokens,
          token_share: tokens > 0 ? round(t.tokens / tokens) : 0,
          turns: t.turns,
          tokens_p50: percentileSorted(sorted, 50, "linear"),
          tokens_p90: percentileSorted(sorted, 90, "linear"),
          tokens_p99: percentileSorted(sorted, 99, "linear"),
          tokens_max: sorted[sorted.length - 1],
          answer_letters: letters,
        };
      })
      .sort((a, b) => b.records - a.records || (a.source < b.source ? -1 : 1));
  }
}
