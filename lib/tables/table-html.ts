import type { DataFrame } from "danfojs-node";
import escapeHtml from "escape-html";

export interface TableHtmlOptions {
  caption?: string;
  /** Digits after the point for non-integer numbers (default 1). */
  digits?: number;
  /** Show a sign on numbers (for delta tables). */
  signed?: boolean;
}

function formatCell(v: unknown, o: TableHtmlOptions): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "–";
  if (typeof v === "number") {
    const s = Number.isInteger(v) && !o.signed ? String(v) : v.toFixed(o.digits ?? 1);
    return o.signed && v > 0 ? `+${s}` : s;
  }
  return escapeHtml(String(v));
}

/** A danfojs DataFrame as a plain, styled HTML table (numbers right-aligned). */
export function tableHtml(df: DataFrame, o: TableHtmlOptions = {}): string {
  const cols = df.columns as string[];
  const rows = df.values as unknown[][];
  const th = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows
    .map((r) => {
      const tds = r.map((v) => {
        const align = typeof v === "number" ? "right" : "left";
        return `<td style="text-align:${align}">${formatCell(v, o)}</td>`;
      });
      return `<tr>${tds.join("")}</tr>`;
    })
    .join("\n");
  const caption = o.caption
    ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(o.caption)}</caption>`
    : "";
  return `<table class="t3kit-table" style="border-collapse:collapse;font-size:13px">${caption}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
