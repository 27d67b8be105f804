/**
 * What `mix plan` prints: each point's plan as a table, one row per source, with its
 * totals, the token columns when the spec counts tokens, and the paper's row the spec
 * reproduces.
 */
import type { MixSpec } from "../spec/mix-spec-types";
import type { MixPlan } from "./plan-mix";

/** The rule token budgets follow, as `mix plan` states it. */
export const TOKEN_BUDGET_RULE =
  "token budgets: records in the source's seeded order while the sum stays within the budget; the first record that would exceed it ends the source (a budget below one record takes that record)";

/** A plan as text rows (what `mix plan` prints). */
export function formatPlan(plan: MixPlan): string {
  const head = [
    "source",
    "kind",
    "role",
    "holds",
    "knob",
    "requested",
    "takes",
    "passes",
    "share",
    "status",
  ];
  const t = plan.tokens;
  if (t) head.splice(head.length - 1, 0, "tok budget", "tokens", "tok share", "counted");
  const rows = plan.sources.map((p) => {
    const row = [
      p.name,
      p.kind,
      p.role,
      p.holds === null ? "-" : String(p.holds),
      p.knob + (p.replacement ? " (with replacement)" : ""),
      String(p.requested),
      String(p.takes),
      String(p.passes),
      `${(p.share * 100).toFixed(1)}%`,
      p.status,
    ];
    if (t)
      row.splice(
        row.length - 1,
        0,
        p.tokenBudget === undefined ? "-" : String(p.tokenBudget),
        String(p.tokens ?? 0),
        `${((p.tokenShare ?? 0) * 100).toFixed(1)}%`,
        String(p.counted ?? 0),
      );
    return row;
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c]))).join("  ");
  const title = `${plan.spec}${plan.point.label ? ` [${plan.point.label}]` : ""}`;
  return [
    title,
    line(head),
    ...rows.map(line),
    `concatenated ${plan.concatenated}, after total ${plan.afterTotal}, holdout ${plan.holdout}, mix ${plan.mixRecords}${plan.ok ? "" : "  (NOT RUNNABLE: see status)"}`,
    ...(t
      ? [
          `tokens ${t.concatenated} before the total cut and holdout; counted with ${t.tokenizer} (${t.implementation}), template ${t.template}, vision ${t.vision}`,
          ...(plan.sources.some((p) => p.tokenBudget !== undefined) ? [TOKEN_BUDGET_RULE] : []),
        ]
      : []),
  ].join("\n");
}

/** Every point's plan, then the paper's row when the spec names one (what `mix plan` prints). */
export function formatSpecPlans({
  spec,
  plans,
}: { spec: MixSpec; plans: readonly MixPlan[] }): string {
  const paper = spec.paper
    ? `\npaper: ${spec.paper.table}, row "${spec.paper.row}"${spec.paper.note ? ` (${spec.paper.note})` : ""}\n`
    : "";
  return `${plans.map(formatPlan).join("\n\n")}\n${paper}`;
}
