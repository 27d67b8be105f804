import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/index";
import { dataDir } from "../paths/index";
import type { Mark, PaperColumn, PaperRow, PaperTable, RowRole } from "./paper-table";

const MARKS: Mark[] = ["V", "I", "C"];
const ROLES: RowRole[] = ["baseline", "ours", "ablation", "reference", "group", "panel", "point"];
const SETTINGS = ["video", "text", "probe"];

/** The folder of the paper's reported numbers. */
export const paperDir = (): string => join(dataDir, "paper");

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks a parsed paper table; every problem names the file, the row (0-based) and field.
 * Returns the value typed.
 */
export function validatePaperTable(raw: unknown, file: string): PaperTable {
  const fail = (problem: string, field?: string, record?: number): never => {
    throw new InputError({ file, record, field }, problem);
  };
  if (!isObj(raw)) return fail("expected a JSON object");
  const str = (o: Obj, k: string, path: string, rec?: number): string =>
    typeof o[k] === "string" && o[k] !== ""
      ? (o[k] as string)
      : fail(`expected a non-empty string, got ${JSON.stringify(o[k])}`, path, rec);
  str(raw, "id", "id");
  str(raw, "title", "title");
  if (!isObj(raw.source)) fail("expected an object {ref, url?, mark}", "source");
  const source = raw.source as Obj;
  str(source, "ref", "source.ref");
  if (!MARKS.includes(source.mark as Mark))
    fail(`expected one of ${MARKS.join(", ")}`, "source.mark");
  const notes = raw.notes ?? [];
  if (!Array.isArray(notes) || notes.some((n) => typeof n !== "string"))
    fail("expected a list of strings", "notes");
  if (!Array.isArray(raw.columns) || raw.columns.length === 0)
    fail("expected a non-empty list", "columns");
  const columns = raw.columns as unknown[];
  const keys = new Set<string>();
  columns.forEach((c, i) => {
    if (!isObj(c)) return fail("expected an object {key, label}", `columns[${i}]`);
    const key = str(c, "key", `columns[${i}].key`);
    str(c, "label", `columns[${i}].label`);
    if (keys.has(key)) fail(`duplicate column key "${key}"`, `columns[${i}].key`);
    keys.add(key);
    if (c.setting !== undefined && !SETTINGS.includes(c.setting as string)) {
      fail(`expected one of ${SETTINGS.join(", ")}`, `columns[${i}].setting`);
    }
  });
  if (!Array.isArray(raw.rows) || raw.rows.length === 0) fail("expected a non-empty list", "rows");
  (raw.rows as unknown[]).forEach((r, i) => {
    if (!isObj(r)) return fail("expected an object {label, role, values}", "rows", i);
    str(r, "label", "label", i);
    if (!ROLES.includes(r.role as RowRole))
      fail(`expected one of ${ROLES.join(", ")}, got ${JSON.stringify(r.role)}`, "role", i);
    if (!Array.isArray(r.values)) return fail("expected a list of numbers", "values", i);
    if (r.values.length !== columns.length) {
      fail(
        `expected ${columns.length} values (one per column), got ${r.values.length}`,
        "values",
        i,
      );
    }
    (r.values as unknown[]).forEach((v, j) => {
      if (v !== null && (typeof v !== "number" || !Number.isFinite(v))) {
        fail(
          `expected a number or null, got ${JSON.stringify(v)}`,
          `values[${j}] (${(columns[j] as PaperColumn).key})`,
          i,
        );
      }
    });
    if (r.mark !== undefined && !MARKS.includes(r.mark as Mark))
      fail(`expected one of ${MARKS.join(", ")}`, "mark", i);
    if (r.random !== undefined && typeof r.random !== "number")
      fail("expected a number", "random", i);
  });
  const labels = new Set<string>();
  (raw.rows as PaperRow[]).forEach((r, i) => {
    if (labels.has(r.label)) fail(`duplicate row label "${r.label}"`, "label", i);
    labels.add(r.label);
  });
  return { ...(raw as unknown as PaperTable), notes: notes as string[] };
}

/** Loads and validates `data/paper/<id>.json` (or any path ending in .json). */
export function loadPaperTable(idOrPath: string): PaperTable {
  const file = idOrPath.endsWith(".json") ? idOrPath : join(paperDir(), `${idOrPath}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new InputError({ file }, `cannot read JSON: ${(err as Error).message}`);
  }
  return validatePaperTable(raw, file);
}

/** Every table in data/paper, by id. */
export function loadPaperTables(dir = paperDir()): Map<string, PaperTable> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "claims.json")
    .sort();
  return new Map(
    files.map((f) => {
      const t = loadPaperTable(join(dir, f));
      return [t.id, t] as const;
    }),
  );
}
