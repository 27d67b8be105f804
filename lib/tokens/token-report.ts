/**
 * `t3kit tokens report`: per-mix and per-source percentiles of record lengths, each
 * source's share of the training tokens, as danfojs tables; plus histogram and share
 * figures (plotly). A mix is one file of records (or of `tokens count` rows).
 */
import type { DataFrame } from "danfojs-node";
import { readRecords } from "../json/index";
import { CATEGORICAL_COLORS_20 } from "../plots/index";
import type { Figure } from "../plots/index";
import { toDataFrame } from "../tables/index";
import { countFileTokens } from "../token-counting/index";
import type { TokenCountRow } from "../token-counting/index";
import type { ParallelCountOptions } from "../token-counting/index";
import { type TokenStats, statsBySource, tokenStats } from "./summarize-token-counts";

/** One mix: its name and the counts of its records. */
export interface TokenMix {
  name: string;
  rows: TokenCountRow[];
}

/**
 * The counts of `path`: read as they are when it holds `tokens count` rows (JSONL with
 * `total_tokens`), else counted with `options`.
 */
export async function loadTokenMix(
  path: string,
  options: Omit<ParallelCountOptions, "file"> = {},
): Promise<TokenMix> {
  const name = path.replace(/^.*[\\/]/, "").replace(/\.(jsonl?|json)$/i, "");
  const rows: TokenCountRow[] = [];
  let counted = true;
  for await (const { record } of readRecords(path)) {
    const r = record as Record<string, unknown>;
    if (rows.length === 0 && (r === null || typeof r !== "object" || !("total_tokens" in r))) {
      counted = false;
      break;
    }
    rows.push(r as unknown as TokenCountRow);
  }
  if (!counted) {
    rows.length = 0;
    for await (const row of countFileTokens(path, options)) rows.push(row);
  }
  return { name: name.replace(/\.tokens$/, ""), rows };
}

function statsRow(stats: TokenStats): Record<string, number> {
  return {
    records: stats.records,
    p50: stats.p50,
    p90: stats.p90,
    p99: stats.p99,
    max: stats.max,
    mean: Math.round(stats.mean * 10) / 10,
    total_tokens: stats.totalTokens,
    text_tokens: stats.textTokens,
    template_tokens: stats.templateTokens,
    visual_tokens: stats.visualTokens,
  };
}

/** One row per mix: percentiles of total tokens per record and the token totals. */
export function mixStatsTable(mixes: readonly TokenMix[]): DataFrame {
  return toDataFrame(mixes.map((m) => ({ mix: m.name, ...statsRow(tokenStats(m.rows)) })));
}

function sortedBySource<T extends { source: string }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => a.source.localeCompare(b.source));
}

/** One row per (mix, source): percentiles and the source's share of the mix's tokens. */
export function sourceStatsTable(mixes: readonly TokenMix[]): DataFrame {
  return toDataFrame(
    mixes.flatMap((m) =>
      sortedBySource(statsBySource(m.rows)).map((s) => ({
        mix: m.name,
        source: s.source,
        ...statsRow(s),
        token_share_pct: Math.round(s.tokenShare * 1000) / 10,
      })),
    ),
  );
}

/** Overlaid histograms of total tokens per record, one trace per group. */
export function tokenHistogramFigure(
  groups: readonly { name: string; values: readonly number[] }[],
  title = "Tokens per record",
  maxTokens?: number,
): Figure {
  const shapes =
    maxTokens === undefined
      ? []
      : [
          {
            type: "line" as const,
            x0: maxTokens,
            x1: maxTokens,
            y0: 0,
            y1: 1,
            yref: "paper" as const,
            line: { dash: "dash" as const, color: "black" },
          },
        ];
  return {
    data: groups.map((g) => ({
      type: "histogram" as const,
      name: g.name,
      x: [...g.values],
      opacity: 0.6,
      nbinsx: 60,
    })),
    layout: {
      title: { text: title },
      barmode: "overlay",
      width: 900,
      height: 460,
      xaxis: { title: { text: "tokens per record (text + template + visual)" } },
      yaxis: { title: { text: "records" } },
      shapes,
    },
  };
}

/** Histograms per source of the rows of one mix. */
export function sourceHistogramFigure(mix: TokenMix, maxTokens?: number): Figure {
  const bySource = new Map<string, number[]>();
  for (const r of mix.rows) {
    const list = bySource.get(r.source) ?? [];
    list.push(r.total_tokens);
    bySource.set(r.source, list);
  }
  return tokenHistogramFigure(
    [...bySource].map(([name, values]) => ({ name, values })),
    `Tokens per record by source: ${mix.name}`,
    maxTokens,
  );
}

/** Stacked bars: each source's share of each mix's training tokens. */
export function tokenShareFigure(mixes: readonly TokenMix[]): Figure {
  const sources = [...new Set(mixes.flatMap((m) => m.rows.map((r) => r.source)))].sort();
  const shares = mixes.map(
    (m) => new Map(statsBySource(m.rows).map((s) => [s.source, s.tokenShare])),
  );
  return {
    data: sources.map((source) => ({
      type: "bar" as const,
      name: source,
      x: mixes.map((m) => m.name),
      y: shares.map((s) => 100 * (s.get(source) ?? 0)),
    })),
    layout: {
      title: { text: "Share of training tokens per source" },
      barmode: "stack",
      width: 900,
      // Tall enough for one legend row per source: a scrolled legend hides sources in the PNG.
      height: Math.max(460, 120 + 20 * sources.length),
      colorway: CATEGORICAL_COLORS_20,
      yaxis: { title: { text: "% of tokens" }, range: [0, 100] },
    },
  };
}
