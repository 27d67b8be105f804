/**
 * Token counts of a mix's source records, counted once each and only when asked for (a
 * token budget walks a source in order and stops at its budget, so the rest of the source
 * is never tokenized). Counting is lib/tokens' `countConversations` under the spec's
 * `tokens:` settings, in batches; errors name the record's own file and index.
 */
import { InputError } from "../../errors/index";
import {
  type CountOptions,
  countConversations,
  resolveTokenizer,
  resolveVisualSettings,
} from "../../token-counting/index";
import { type Conversation, readConversation } from "../../token-counting/index";
import type { MixTokenSettings } from "../spec/mix-spec-types";
import { ConcatSource } from "./concat-source";
import { refIndex, refSource } from "./record-refs";
import type { RecordSource } from "./record-source";

export class RecordTokenCounter {
  private readonly counts: Int32Array[];
  private readonly options: CountOptions;
  /** Records tokenized per source so far. */
  readonly counted: number[];

  constructor(
    readonly settings: MixTokenSettings,
    private readonly sources: readonly (RecordSource | null)[],
  ) {
    this.counts = sources.map((s) => new Int32Array(s ? s.count : 0).fill(-1));
    this.counted = sources.map(() => 0);
    this.options = {
      tokenizer: settings.tokenizer,
      template: settings.template,
      visual: settings.visual,
    };
  }

  /** What the counts mean, for plans and manifests. */
  describe(): { tokenizer: string; implementation: string; template: string; vision: string } {
    return {
      tokenizer: this.settings.tokenizer,
      implementation: resolveTokenizer(this.options).implementation,
      template: this.settings.template,
      vision: resolveVisualSettings(this.options).vision,
    };
  }

  /** Total tokens (text + template + visual) of records `indices` of source `k`, in order. */
  async tokensOf(k: number, indices: ArrayLike<number>): Promise<Int32Array> {
    const known = this.counts[k];
    const seen = new Set<number>();
    for (let i = 0; i < indices.length; i++) if (known[indices[i]] < 0) seen.add(indices[i]);
    const missing = [...seen];
    for (let b = 0; b < missing.length; b += 512) await this.count(k, missing.slice(b, b + 512));
    const out = new Int32Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = known[indices[i]];
    return out;
  }

  /** The sum over `indices` (repeats counted each time). */
  async sumOf(k: number, indices: ArrayLike<number>): Promise<number> {
    let n = 0;
    for (const t of await this.tokensOf(k, indices)) n += t;
    return n;
  }

  /** Tokens per source of the records `refs` (packRef) point at, repeats counted each time. */
  async tokensBySource(refs: Float64Array): Promise<number[]> {
    const byK: number[][] = this.sources.map(() => []);
    for (let i = 0; i < refs.length; i++) byK[refSource(refs[i])].push(refIndex(refs[i]));
    const out: number[] = [];
    for (const [k, ix] of byK.entries()) out.push(await this.sumOf(k, ix));
    return out;
  }

  private where(k: number, i: number): { file: string; record: number } {
    const s = this.sources[k]!;
    return s instanceof ConcatSource ? s.where(i) : { file: s.file, record: i };
  }

  private async count(k: number, batch: number[]): Promise<void> {
    const s = this.sources[k]!;
    const convs: Conversation[] = batch.map((i) => {
      const w = this.where(k, i);
      return readConversation(s.record(i), w.file, w.record);
    });
    let totals: number[];
    try {
      totals = (await countConversations(convs, this.options)).map((r) => r.total_tokens);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The batch's error names a batch position; recount one by one to name the record.
      for (const [j, i] of batch.entries()) {
        const w = this.where(k, i);
        await countConversations([convs[j]], {
          ...this.options,
          file: w.file,
          startIndex: w.record,
        });
      }
      throw e;
    }
    batch.forEach((i, j) => {
      this.counts[k][i] = totals[j];
    });
    this.counted[k] += batch.length;
  }
}
