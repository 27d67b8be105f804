/**
 * Qwen2 against cl100k, o200k and whitespace words on the same texts (notebook 04,
 * "Tokens or words?"): text tokens only (no template, no visual), per source.
 */
import type { DataFrame } from "danfojs-node";
import type { Figure } from "../plots/index";
import { toDataFrame } from "../tables/index";
import { collectTokenCounts } from "../token-counting/index";
import type { TokenCountRow } from "../token-counting/index";

const names = ["qwen2", "cl100k", "o200k", "words"] as const;

/** Text-only counts of every record of `path` under each tokenizer. */
export async function countWithEveryTokenizer(
  path: string,
): Promise<Record<(typeof names)[number], TokenCountRow[]>> {
  const out = {} as Record<(typeof names)[number], TokenCountRow[]>;
  for (const tokenizer of names)
    out[tokenizer] = await collectTokenCounts(path, { tokenizer, template: "none" });
  return out;
}

/** Per source: mean text tokens under each tokenizer and Qwen2 tokens per word. */
export function tokenizerComparisonTable(
  counts: Record<(typeof names)[number], TokenCountRow[]>,
): DataFrame {
  const sources = [...new Set(counts.qwen2.map((r) => r.source))].sort();
  const mean = (rows: TokenCountRow[], source: string) => {
    const xs = rows.filter((r) => r.source === source);
    return xs.reduce((s, r) => s + r.text_tokens, 0) / xs.length;
  };
  return toDataFrame(
    sources.map((source) => {
      const q = mean(counts.qwen2, source);
      const w = mean(counts.words, source);
      return {
        source,
        qwen2: Math.round(q),
        cl100k: Math.round(mean(counts.cl100k, source)),
        o200k: Math.round(mean(counts.o200k, source)),
        words: Math.round(w),
        qwen2_per_word: Math.round((100 * q) / w) / 100,
      };
    }),
  );
}

/** Scatter of each record's Qwen2 text tokens against its cl100k, o200k and word counts. */
export function tokenizerComparisonFigure(
  counts: Record<(typeof names)[number], TokenCountRow[]>,
): Figure {
  const x = counts.qwen2.map((r) => r.text_tokens);
  return {
    data: (["cl100k", "o200k", "words"] as const).map((name) => ({
      type: "scatter" as const,
      mode: "markers" as const,
      name,
      x,
      y: counts[name].map((r) => r.text_tokens),
      marker: { size: 5, opacity: 0.6 },
    })),
    layout: {
      title: { text: "Qwen2 text tokens vs cl100k, o200k and whitespace words" },
      width: 900,
      height: 460,
      xaxis: { title: { text: "Qwen2 tokens" } },
      yaxis: { title: { text: "other count" } },
    },
  };
}
