/**
 * Summaries of token counts: percentiles (p50, p90, p99, max), totals and each source's
 * share of the training tokens. Percentiles use the nearest-rank method (the value at
 * rank ceil(p·n)), so every reported number is a real record's length.
 */
import { percentileSorted } from "../statistics/index";
import type { TokenCountRow } from "../token-counting/index";

export interface TokenStats {
  records: number;
  totalTokens: number;
  textTokens: number;
  templateTokens: number;
  visualTokens: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Stats of `rows` (their total_tokens). */
export function tokenStats(rows: readonly TokenCountRow[]): TokenStats {
  const totals = Float64Array.from(rows, (r) => r.total_tokens).sort();
  let text = 0;
  let template = 0;
  let visual = 0;
  for (const r of rows) {
    text += r.text_tokens;
    template += r.template_tokens;
    visual += r.visual_tokens;
  }
  const total = text + template + visual;
  const pct = (p: number) =>
    totals.length === 0 ? 0 : percentileSorted(totals, p, "nearest-rank");
  return {
    records: rows.length,
    totalTokens: total,
    textTokens: text,
    templateTokens: template,
    visualTokens: visual,
    mean: rows.length === 0 ? 0 : total / rows.length,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: totals.length === 0 ? 0 : totals[totals.length - 1],
  };
}

/** Rows grouped by source, sources in first-seen order. */
export function groupBySource(rows: readonly TokenCountRow[]): Map<string, TokenCountRow[]> {
  const out = new Map<string, TokenCountRow[]>();
  for (const r of rows) {
    const list = out.get(r.source);
    if (list) list.push(r);
    else out.set(r.source, [r]);
  }
  return out;
}

/** One line per source: stats plus its share of all training tokens. */
export interface SourceStats extends TokenStats {
  source: string;
  tokenShare: number;
}

/** Per-source stats and shares, sources in first-seen order. */
export function statsBySource(rows: readonly TokenCountRow[]): SourceStats[] {
  const all = rows.reduce((s, r) => s + r.total_tokens, 0);
  return [...groupBySource(rows)].map(([source, list]) => {
    const stats = tokenStats(list);
    return { source, ...stats, tokenShare: all === 0 ? 0 : stats.totalTokens / all };
  });
}

/** A short human summary (for stderr). */
export function formatTokenSummary(rows: readonly TokenCountRow[], label: string): string {
  const s = tokenStats(rows);
  const lines = [
    `${label}: ${s.records} records, ${s.totalTokens} tokens (text ${s.textTokens}, template ${s.templateTokens}, visual ${s.visualTokens})`,
    `  per record: mean ${s.mean.toFixed(1)}, p50 ${s.p50}, p90 ${s.p90}, p99 ${s.p99}, max ${s.max}`,
  ];
  const bySource = statsBySource(rows);
  if (bySource.length > 1) {
    for (const b of bySource) {
      lines.push(
        `  ${b.source}: ${b.records} records, p50 ${b.p50}, p99 ${b.p99}, max ${b.max}, ${(100 * b.tokenShare).toFixed(1)}% of tokens`,
      );
    }
  }
  const missing = rows.reduce((n, r) => n + (r.missing_images ?? 0), 0);
  if (missing > 0) lines.push(`  ${missing} missing images counted with the default size`);
  const missingVideos = rows.reduce((n, r) => n + (r.missing_videos ?? 0), 0);
  if (missingVideos > 0) {
    lines.push(`  ${missingVideos} missing videos counted with the default size and frames`);
  }
  return lines.join("\n");
}
