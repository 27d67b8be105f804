/**
 * Video-T3 records by task family and length (notebook 04, "Lengths per family"). Sources
 * are mix ids' prefixes (`tempqa-order-4x`) or training file names
 * (`temp_qa_order_train_long_4x_15k`), read through the T3 vocabulary (lib/records).
 */
import type { DataFrame } from "danfojs-node";
import type { Figure } from "../plots/index";
import { type T3FamilyLength, t3FamilyAndLength } from "../records/index";
import { percentileSorted } from "../statistics/index";
import { toDataFrame } from "../tables/index";
import type { TokenCountRow } from "../token-counting/index";

function groups(
  rows: readonly TokenCountRow[],
): Map<string, { fl: T3FamilyLength; totals: number[] }> {
  const out = new Map<string, { fl: T3FamilyLength; totals: number[] }>();
  for (const r of rows) {
    const fl = t3FamilyAndLength(r.source);
    if (!fl) continue;
    const key = `${fl.family} ${fl.length}x`;
    const g = out.get(key) ?? { fl, totals: [] };
    g.totals.push(r.total_tokens);
    out.set(key, g);
  }
  return new Map(
    [...out].sort(
      ([, a], [, b]) => a.fl.family.localeCompare(b.fl.family) || a.fl.length - b.fl.length,
    ),
  );
}

/** One row per (family, length): records and p50/p90/p99/max of tokens per record. */
export function t3FamilyLengthTable(rows: readonly TokenCountRow[]): DataFrame {
  return toDataFrame(
    [...groups(rows)].map(([, g]) => {
      const sorted = Float64Array.from(g.totals).sort();
      return {
        family: g.fl.family,
        length: `${g.fl.length}x`,
        records: g.totals.length,
        p50: percentileSorted(sorted, 50, "nearest-rank"),
        p90: percentileSorted(sorted, 90, "nearest-rank"),
        p99: percentileSorted(sorted, 99, "nearest-rank"),
        max: sorted[sorted.length - 1],
      };
    }),
  );
}

/** Box plots of tokens per record, one box per (family, length). */
export function t3FamilyLengthFigure(
  rows: readonly TokenCountRow[],
  title = "Video-T3 tokens per record by family and length",
): Figure {
  return {
    data: [...groups(rows)].map(([name, g]) => ({
      type: "box" as const,
      name,
      y: g.totals,
      boxpoints: false as const,
    })),
    layout: {
      title: { text: title },
      width: 900,
      height: 460,
      showlegend: false,
      yaxis: { title: { text: "tokens per record" }, type: "log" },
    },
  };
}
