/** The probe summary as CSV (lib/tables' one writer; accuracy in percent, two decimals). */
import { csvRows } from "../../tables/index";
import type { ProbeSummaryRow } from "./summarise-probe-results";

export function probeTableCsv(rows: ProbeSummaryRow[]): string {
  return csvRows([
    ["name", "kind", "probe", "seeds", "mean_accuracy", "std_accuracy"],
    ...rows.map((r) => [r.name, r.kind, r.probe, r.seeds, r.mean.toFixed(2), r.std.toFixed(2)]),
  ]);
}
