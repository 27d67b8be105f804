/** What `mix diff` prints: a table per part, or with --json the MixDiff object. */
import type { MixDiff } from "./diff-mixes";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? "+" : ""}${(100 * x).toFixed(1)}`;

export function formatMixDiff(d: MixDiff): string {
  const width = Math.max(6, ...d.parts.map((p) => p.source.length));
  const lines = [
    `A ${d.a}: ${d.records_a} records`,
    `B ${d.b}: ${d.records_b} records (${d.added} added, ${d.removed} removed, ${d.kept} kept)`,
    "",
    `${"part".padEnd(width)}  ${"A".padStart(9)}  ${"B".padStart(9)}  ${"added".padStart(8)}  ${"removed".padStart(8)}  ${"kept".padStart(8)}  ${"share A".padStart(7)}  ${"share B".padStart(7)}  shift (points)`,
    ...d.parts.map(
      (p) =>
        `${p.source.padEnd(width)}  ${String(p.records_a).padStart(9)}  ${String(p.records_b).padStart(9)}  ${String(p.added).padStart(8)}  ${String(p.removed).padStart(8)}  ${String(p.kept).padStart(8)}  ${pct(p.share_a).padStart(7)}  ${pct(p.share_b).padStart(7)}  ${signed(p.shift)}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
