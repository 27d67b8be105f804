/**
 * The paper's own statements ("+5.3 on TempCompass", "49.7 TR", "beats ShareGPT4Video-8B")
 * checked against its tables: every number here is computed from data/paper, then compared
 * with what the text states. Explained in notebooks/06-results.ipynb, "Checking the claims".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/index";
import { roundTo } from "./deltas-to-baseline";
import { paperDir } from "./load-paper-table";
import type { PaperTable, Provenance } from "./paper-table";
import { cellValue, columnIndex } from "./table-lookup";

export type ClaimCheck =
  | { kind: "delta"; table: string; row: string; minus: string; column: string; stated: number }
  | { kind: "value"; table: string; row: string; column: string; stated: number }
  | { kind: "beats"; table: string; row: string; minus: string; column: string }
  | { kind: "best"; table: string; row: string; column: string; except?: string[] }
  | { kind: "mostly-above"; tables: string[]; column: string; threshold: number };

export interface Claim {
  id: string;
  text: string;
  source: Provenance;
  check: ClaimCheck;
}

export interface ClaimResult {
  id: string;
  text: string;
  mark: string;
  /** What the paper states (a number), or the condition for comparisons. */
  stated: string;
  /** What the tables give. */
  computed: string;
  holds: boolean;
}

const KINDS = ["delta", "value", "beats", "best", "mostly-above"];

/** Loads data/paper/claims.json, checking each claim's shape. */
export function loadClaims(file = join(paperDir(), "claims.json")): Claim[] {
  const raw = JSON.parse(readFileSync(file, "utf8")) as { claims?: unknown };
  if (!Array.isArray(raw.claims))
    throw new InputError({ file, field: "claims" }, "expected a list");
  return raw.claims.map((c, i) => {
    const claim = c as Claim;
    if (typeof claim.id !== "string")
      throw new InputError({ file, record: i, field: "id" }, "expected a string");
    if (!claim.check || !KINDS.includes(claim.check.kind)) {
      throw new InputError(
        { file, record: i, field: "check.kind" },
        `expected one of ${KINDS.join(", ")}`,
      );
    }
    return claim;
  });
}

function need(table: PaperTable, row: string, column: string): number {
  const v = cellValue(table, row, column);
  if (v === null) throw new Error(`table ${table.id}: "${row}" has no ${column} value`);
  return v;
}

/** Evaluates one claim against the tables. */
export function checkClaim(claim: Claim, tables: Map<string, PaperTable>): ClaimResult {
  const get = (id: string) => {
    const t = tables.get(id);
    if (!t) throw new Error(`claim ${claim.id}: no table "${id}"`);
    return t;
  };
  const c = claim.check;
  const base = { id: claim.id, text: claim.text, mark: claim.source.mark };
  switch (c.kind) {
    case "delta": {
      const t = get(c.table);
      const d = roundTo(need(t, c.row, c.column) - need(t, c.minus, c.column));
      return { ...base, stated: signed(c.stated), computed: signed(d), holds: d === c.stated };
    }
    case "value": {
      const v = need(get(c.table), c.row, c.column);
      return { ...base, stated: String(c.stated), computed: String(v), holds: v === c.stated };
    }
    case "beats": {
      const t = get(c.table);
      const a = need(t, c.row, c.column);
      const b = need(t, c.minus, c.column);
      return { ...base, stated: `> ${c.minus}`, computed: `${a} vs ${b}`, holds: a > b };
    }
    case "best": {
      const t = get(c.table);
      const j = columnIndex(t, c.column);
      const mine = need(t, c.row, c.column);
      const others = t.rows.filter((r) => r.label !== c.row && !(c.except ?? []).includes(r.label));
      const top = Math.max(...others.map((r) => r.values[j] ?? Number.NEGATIVE_INFINITY));
      return {
        ...base,
        stated: "highest",
        computed: `${mine} vs next best ${top}`,
        holds: mine > top,
      };
    }
    case "mostly-above": {
      const values = c.tables.flatMap((id) => {
        const t = get(id);
        const j = columnIndex(t, c.column);
        return t.rows.map((r) => r.values[j]).filter((v): v is number => v !== null);
      });
      const above = values.filter((v) => v > c.threshold).length;
      return {
        ...base,
        stated: `most > ${c.threshold}`,
        computed: `${above} of ${values.length}`,
        holds: above * 2 > values.length,
      };
    }
  }
}

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/** Every claim of data/paper/claims.json, checked. */
export function checkClaims(tables: Map<string, PaperTable>, claims = loadClaims()): ClaimResult[] {
  return claims.map((c) => checkClaim(c, tables));
}
