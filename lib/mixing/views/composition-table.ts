import { CATEGORICAL_COLORS_20 } from "../../plots/index";
/**
 * What a mix is made of, for people: one row per point and source (records, share), and a
 * stacked bar chart of the same. Pure: they read plans (from `planSpec`) or run results.
 * Shown in notebooks/03-data-mixing.ipynb, "Compositions" and "A sweep".
 */
import type { Figure } from "../../plots/index";
import type { Cell } from "../../tables/index";
import type { MixPlan } from "../plan/plan-mix";

/** Rows `{mix, point, source, role, records, share %}` for every point of every plan. */
export function compositionRows(plans: readonly MixPlan[]): Record<string, Cell>[] {
  return plans.flatMap((p) =>
    p.sources.map((s) => ({
      mix: p.spec,
      point: p.point.label || "-",
      source: s.name,
      role: s.role,
      holds: s.holds,
      requested: s.requested,
      records: s.takes,
      "share %": Number((s.share * 100).toFixed(1)),
    })),
  );
}

/** One row per point: records per source as columns, plus the mix size after the total cut. */
export function compositionMatrix(plans: readonly MixPlan[]): Record<string, Cell>[] {
  return plans.map((p) => {
    const row: Record<string, Cell> = { mix: p.spec, point: p.point.label || "-" };
    for (const s of p.sources) row[s.name] = s.takes;
    row.concatenated = p.concatenated;
    row.mix_records = p.mixRecords;
    return row;
  });
}

/** The longest prefix ending in "-" that every label shares ("" for one label). */
function sharedDashPrefix(labels: readonly string[]): string {
  if (labels.length < 2) return "";
  let prefix = labels[0].slice(0, labels[0].lastIndexOf("-") + 1);
  while (prefix && !labels.every((l) => l.startsWith(prefix))) {
    prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf("-") + 1);
  }
  return prefix;
}

/** A stacked bar per point (x: mix or point, y: records per source before the total cut). */
export function compositionFigure(plans: readonly MixPlan[], title = "Mix composition"): Figure {
  const full = plans.map((p) => (p.point.label ? `${p.spec} ${p.point.label}` : p.spec));
  // "tempcompass-temporal-change-1x" etc.: the shared prefix only makes the axis unreadable.
  const prefix = sharedDashPrefix(full);
  const labels = full.map((l) => l.slice(prefix.length) || l);
  const names: string[] = [];
  for (const p of plans) for (const s of p.sources) if (!names.includes(s.name)) names.push(s.name);
  return {
    data: names.map((name) => ({
      type: "bar",
      name,
      x: labels,
      y: plans.map((p) => p.sources.find((s) => s.name === name)?.takes ?? 0),
    })),
    layout: {
      title: { text: title },
      barmode: "stack",
      yaxis: { title: { text: "records (before the total cut)" } },
      xaxis: { automargin: true },
      legend: { orientation: "h", y: -0.3 },
      colorway: CATEGORICAL_COLORS_20,
      width: 1000,
      height: 560,
    },
  };
}

/**
 * One row per source of a plan that counts tokens: records and tokens it gives, and its
 * share of each (before the total cut). Where sources differ in length (an image record
 * costs hundreds of visual tokens) the two shares differ: this is what a token budget fixes.
 */
export function recordTokenShareRows(plan: MixPlan): Record<string, Cell>[] {
  return plan.sources.map((s) => ({
    source: s.name,
    knob: s.knob,
    "token budget": s.tokenBudget ?? null,
    records: s.takes,
    "records %": Number((s.share * 100).toFixed(1)),
    tokens: s.tokens ?? null,
    "tokens %": s.tokenShare === undefined ? null : Number((s.tokenShare * 100).toFixed(1)),
  }));
}

/** Two stacked bars for one plan: each source's share of the records and of the tokens. */
export function recordTokenShareFigure(
  plan: MixPlan,
  title = "Share of records vs share of tokens",
): Figure {
  const x = ["share of records", "share of tokens"];
  return {
    data: plan.sources.map((s) => ({
      type: "bar",
      name: s.name,
      x,
      y: [s.share * 100, (s.tokenShare ?? 0) * 100],
    })),
    layout: {
      title: { text: title },
      barmode: "stack",
      yaxis: { title: { text: "% of the mix (before the total cut)" }, range: [0, 100] },
      legend: { orientation: "h", y: -0.2 },
      height: 460,
    },
  };
}
