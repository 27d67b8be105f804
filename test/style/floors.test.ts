// The floors of lib/, enforced: data flows one way through the stages, shared floors know
// no stage, nothing imports in a circle (type-only imports included), and notebooks see
// the library through its index only. The table below is the architecture (README,
// "Layout"); a folder in lib/ that it does not name fails, so a new one gets placed. Folders
// named here that do not exist (yet) are fine.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

/** Shared floors: any module may import them; they import only other floors. */
const FLOORS = [
  "errors",
  "files",
  "paths",
  "json",
  "pyrandom",
  "records",
  "threads",
  "progress",
  "processes",
  "hub",
  "plots",
  "tables",
  "token-counting",
  "model-server",
  "answer-scoring",
  "notebooks",
];
/** The stages in the order data flows; each may import floors and the stages before it. */
const FLOW = ["synthesis", "mixing", "tokens", "training", "evaluation", "report"];
/** Beside the flow: may import floors (and the paper's numbers) only. */
const BESIDE = ["probing"];
/** The paper's reported numbers: data any stage may read; imports floors only. */
const DATA = ["paper-numbers"];

type Level =
  | { kind: "floor" }
  | { kind: "stage"; rank: number }
  | { kind: "beside" }
  | { kind: "data" };

function levelOf(folder: string): Level | undefined {
  if (FLOORS.includes(folder)) return { kind: "floor" };
  if (FLOW.includes(folder)) return { kind: "stage", rank: FLOW.indexOf(folder) };
  if (BESIDE.includes(folder)) return { kind: "beside" };
  if (DATA.includes(folder)) return { kind: "data" };
  return undefined;
}

/** Why `from` may not import `to` (folders of lib/), or undefined when it may. */
function floorViolation(from: string, to: string): string | undefined {
  if (from === to) return undefined;
  const a = levelOf(from);
  const b = levelOf(to);
  if (!a || !b) return `${!a ? from : to} is not placed in the floors table`;
  if (b.kind === "floor") return undefined;
  if (a.kind === "floor") return `the shared floor ${from} imports ${to}`;
  if (b.kind === "data") return undefined;
  if (a.kind === "data") return `the paper's numbers (${from}) import the stage ${to}`;
  if (a.kind === "beside") return `${from} (beside the flow) imports the stage ${to}`;
  if (b.kind === "beside") return `${from} imports ${to}, which stands beside the flow`;
  if (a.kind === "stage" && b.kind === "stage" && b.rank > a.rank)
    return `${from} imports the later stage ${to}`;
  return undefined;
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p, ext);
    return ext.test(n) ? [p] : [];
  });
}

/** Relative imports of a lib file (static, type-only, dynamic and require), as resolved files. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  for (const m of code.matchAll(/(?:from|import|require\()\s*\(?\s*["'](\.{1,2}\/[^"']*)["']/g)) {
    const target = resolve(dirname(file), m[1]);
    for (const candidate of [target, `${target}.ts`, join(target, "index.ts")]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

const LIB = resolve("lib");
const folderOf = (file: string) => relative(LIB, file).split("/")[0];

test("the floors table is what the rules say", () => {
  assert.equal(floorViolation("mixing", "synthesis"), undefined);
  assert.match(floorViolation("synthesis", "mixing") ?? "", /later stage/);
  assert.match(floorViolation("mixing", "tokens") ?? "", /later stage/);
  assert.match(floorViolation("tokens", "training") ?? "", /later stage/);
  assert.match(floorViolation("evaluation", "report") ?? "", /later stage/);
  assert.equal(floorViolation("report", "evaluation"), undefined);
  assert.match(floorViolation("hub", "synthesis") ?? "", /shared floor/);
  assert.match(floorViolation("token-counting", "tokens") ?? "", /shared floor/);
  assert.match(floorViolation("model-server", "evaluation") ?? "", /shared floor/);
  assert.match(floorViolation("json", "paper-numbers") ?? "", /shared floor/);
  assert.equal(floorViolation("evaluation", "answer-scoring"), undefined);
  assert.equal(floorViolation("probing", "model-server"), undefined);
  assert.equal(floorViolation("probing", "paper-numbers"), undefined);
  assert.match(floorViolation("probing", "synthesis") ?? "", /beside the flow/);
  assert.match(floorViolation("evaluation", "probing") ?? "", /beside the flow/);
  assert.match(floorViolation("paper-numbers", "mixing") ?? "", /paper's numbers/);
  assert.equal(floorViolation("report", "paper-numbers"), undefined);
  assert.match(floorViolation("mixing", "widgets") ?? "", /not placed/);
});

test("every folder of lib/ is placed, and no module imports above its floor", () => {
  const folders = readdirSync(LIB).filter((n) => statSync(join(LIB, n)).isDirectory());
  assert.deepEqual(
    folders.filter((f) => !levelOf(f)),
    [],
    "folders missing from the floors table",
  );
  const bad: string[] = [];
  for (const file of files(LIB, /\.ts$/)) {
    if (file === join(LIB, "index.ts")) continue;
    for (const target of importsOf(file)) {
      if (target === join(LIB, "index.ts")) {
        bad.push(`${relative(LIB, file)} imports lib/index.ts (the notebooks' entry)`);
        continue;
      }
      const why = floorViolation(folderOf(file), folderOf(target));
      if (why) bad.push(`${relative(LIB, file)} -> ${relative(LIB, target)}: ${why}`);
    }
  }
  assert.deepEqual(bad, []);
});

test("no import cycle in lib/, type-only imports included", () => {
  const graph = new Map<string, string[]>();
  for (const file of files(LIB, /\.ts$/)) graph.set(file, importsOf(file));
  // Tarjan's strongly connected components: any component of two or more files is a cycle.
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(relative(LIB, w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  assert.deepEqual(cycles, []);
});

test("notebooks import the library through its index only, as one namespace", () => {
  const bad: string[] = [];
  for (const nb of files(resolve("notebooks"), /\.ipynb$/)) {
    const cells = (
      JSON.parse(readFileSync(nb, "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      }
    ).cells;
    for (const cell of cells) {
      if (cell.cell_type !== "code") continue;
      const code = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      for (const m of code.matchAll(/^\s*import\s.*$|require\(\s*["'][^"']*["']\s*\)/gm)) {
        if (m[0].trim() !== 'import * as t3 from "./lib/index";')
          bad.push(`${relative(".", nb)}: ${m[0].trim()}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});
