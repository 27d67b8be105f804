import type * as Danfo from "danfojs-node";

// danfojs (and the TensorFlow.js under it) takes about a second to load: it is loaded on the
// first table, so commands that import this floor for CSV or HTML alone never pay for it.
const danfo = (): typeof Danfo => require("danfojs-node");

/** A cell of a table: numbers, text, or nothing (a dash in the paper). */
export type Cell = number | string | boolean | null;

/**
 * Rows of objects (their own fields holding cells) to a danfojs DataFrame, columns in the
 * first row's key order.
 */
export function toDataFrame(rows: readonly object[], columns?: string[]): Danfo.DataFrame {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const values = rows.map((r) =>
    cols.map((c) => ((r as Record<string, Cell | undefined>)[c] ?? null) as Cell),
  );
  return new (danfo().DataFrame)(values, { columns: cols });
}
