/**
 * README's "Layout" and ARCHITECTURE.md's floor list, rendered from the floors table and the
 * folders on disk (sub-folders included), so the documents cannot drift from the code. Each
 * document holds the block between FLOORS_BEGIN and FLOORS_END; `npm run docs:floors`
 * rewrites both, and the floors test fails while either differs.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BESIDE, CLASSROOM, DATA, FLOORS, type FloorEntry, STAGES } from "./floors-table";

export const FLOORS_BEGIN = "<!-- floors: rendered from test/style/floors-table.ts -->";
export const FLOORS_END = "<!-- /floors -->";
export const FLOORS_DOCUMENTS = ["README.md", "ARCHITECTURE.md"];

function subFolders(root: string, folder: string): string[] {
  const dir = join(root, "lib", folder);
  try {
    return readdirSync(dir)
      .filter((n) => statSync(join(dir, n)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

function group(root: string, title: string, entries: FloorEntry[]): string[] {
  const lines = [`  ${title}`];
  for (const e of entries) {
    const subs = subFolders(root, e.folder);
    lines.push(`    ${`${e.folder}/`.padEnd(17)}${e.about}`);
    if (subs.length > 0) lines.push(`    ${"".padEnd(17)}${subs.map((s) => `${s}/`).join(" ")}`);
  }
  return lines;
}

/** The block both documents hold, for the checkout at `root`. */
export function renderFloorsBlock(root: string): string {
  const lines = [
    "lib/  one folder per stage or shared floor, each with an index.ts that is its only door;",
    "      lib/index.ts re-exports them all (the notebooks' one import: import * as t3)",
    ...group(
      root,
      "stages, in the order data flows (each imports floors and the stages before it):",
      STAGES,
    ),
    ...group(root, "beside the flow (imports floors and the paper's numbers only):", BESIDE),
    ...group(root, "the classroom (may import every stage; nothing imports it):", CLASSROOM),
    ...group(root, "data any stage may read (imports floors only):", DATA),
    ...group(root, "shared floors (import no stage; may use each other):", FLOORS),
  ];
  return ["```text", ...lines, "```"].join("\n");
}

/** The block as it stands in `text`, or undefined when the markers are missing. */
export function floorsBlockIn(text: string): string | undefined {
  const start = text.indexOf(FLOORS_BEGIN);
  const end = text.indexOf(FLOORS_END);
  if (start < 0 || end < start) return undefined;
  return text.slice(start + FLOORS_BEGIN.length, end).trim();
}

/** Rewrites the block in each document under `root`; returns the documents changed. */
export function writeFloorsBlocks(root: string): string[] {
  const block = renderFloorsBlock(root);
  const changed: string[] = [];
  for (const doc of FLOORS_DOCUMENTS) {
    const path = resolve(root, doc);
    const text = readFileSync(path, "utf8");
    const start = text.indexOf(FLOORS_BEGIN);
    const end = text.indexOf(FLOORS_END);
    if (start < 0 || end < start) throw new Error(`${doc}: no ${FLOORS_BEGIN} … ${FLOORS_END}`);
    const next = `${text.slice(0, start + FLOORS_BEGIN.length)}\n${block}\n${text.slice(end)}`;
    if (next !== text) {
      writeFileSync(path, next);
      changed.push(doc);
    }
  }
  return changed;
}

if (require.main === module) {
  const changed = writeFloorsBlocks(process.cwd());
  process.stdout.write(changed.length ? `rewrote ${changed.join(", ")}\n` : "up to date\n");
}
