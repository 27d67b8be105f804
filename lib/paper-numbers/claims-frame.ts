import type { DataFrame } from "danfojs-node";
import { toDataFrame } from "../tables/index";
import type { ClaimResult } from "./check-claims";

/** Checked claims as a table: the statement, its mark, stated vs computed, and a verdict. */
export function claimsFrame(results: ClaimResult[]): DataFrame {
  return toDataFrame(
    results.map((r) => ({
      Claim: r.text,
      Mark: r.mark,
      Stated: r.stated,
      "From the tables": r.computed,
      Holds: r.holds ? "yes" : "NO",
    })),
  );
}
