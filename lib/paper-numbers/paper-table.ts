/**
 * The paper's reported numbers, as typed data (data/paper/*.json). Every table carries its
 * source and a mark: V = stands in the source, I = inferred (e.g. read off a plot), C =
 * computed from V numbers. Rows may override the table's mark.
 */
export type Mark = "V" | "I" | "C";

export interface Provenance {
  /** Where the numbers stand, e.g. "Video-T3 project page, image mlvu_ret.png (arXiv v1 Table 3)". */
  ref: string;
  url?: string;
  mark: Mark;
}

export interface PaperColumn {
  key: string;
  label: string;
  /** For probing tables: what the model sees (video, caption text, or a probe on features). */
  setting?: "video" | "text" | "probe";
}

/** The part a row plays in the table. */
export type RowRole = "baseline" | "ours" | "ablation" | "reference" | "group" | "panel" | "point";

export interface PaperRow {
  label: string;
  role: RowRole;
  /** One value per column, null where the paper prints a dash or the value was not read. */
  values: (number | null)[];
  mark?: Mark;
  /** Chance accuracy for this row (probing groups). */
  random?: number;
}

export interface PaperTable {
  id: string;
  title: string;
  source: Provenance;
  notes: string[];
  columns: PaperColumn[];
  rows: PaperRow[];
}
