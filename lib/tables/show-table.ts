import type { DataFrame } from "danfojs-node";
import { type TableHtmlOptions, tableHtml } from "./table-html";

/** Shows a DataFrame as an HTML table in the running tslab notebook. */
export function showTable(df: DataFrame, o: TableHtmlOptions = {}): void {
  const tslab = require("tslab") as typeof import("tslab");
  tslab.display.html(tableHtml(df, o));
}
