/**
 * Every way a tree breaks the floors: a folder not placed, an import above its floor, an
 * import into another folder's internals (not its index.ts), a relative import of a folder
 * (tslab appends ".js"), lib/index.ts imported from inside lib, an import cycle (type-only
 * imports included), a notebook importing anything but the library's index. Imports are
 * read by the TypeScript parser (read-imports.ts), in lib/, scripts/ and notebooks/.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { entryOf, floorViolation } from "./floors-table";
import { notebookCodeCells, readImports, resolveRelative, typeScriptFiles } from "./read-imports";

const NOTEBOOK_IMPORT = 'import * as t3 from "./lib/index";';

interface Edge {
  from: string;
  to: string;
  line: number;
  specifier: string;
}

function edgesOf(file: string): Edge[] {
  return readImports(readFileSync(file, "utf8"), file).flatMap((imp) => {
    const to = resolveRelative(file, imp.specifier);
    return to ? [{ from: file, to, line: imp.line, specifier: imp.specifier }] : [];
  });
}

/** The problems of the tree at `root` (a checkout), as readable lines; [] when none. */
export function floorProblems(root: string): string[] {
  const lib = resolve(root, "lib");
  const libIndex = join(lib, "index.ts");
  const folderOf = (file: string) => {
    const rel = relative(lib, file);
    return rel.startsWith("..") || !rel.includes("/") ? undefined : rel.split("/")[0];
  };
  const at = (e: Edge) => `${relative(root, e.from)}:${e.line} "${e.specifier}"`;
  const problems: string[] = [];

  for (const folder of readdirSync(lib)) {
    if (statSync(join(lib, folder)).isDirectory() && !entryOf(folder))
      problems.push(`lib/${folder}/ is not placed in the floors table`);
  }

  const libFiles = typeScriptFiles(lib);
  const graph = new Map<string, string[]>();
  for (const file of libFiles) {
    const edges = edgesOf(file);
    graph.set(
      file,
      edges.map((e) => e.to),
    );
    if (file === libIndex) continue;
    for (const e of edges) {
      if (!existsSync(resolve(file, "..", `${e.specifier}.ts`)))
        problems.push(`${at(e)}: a relative import must name a .ts file (tslab appends .js)`);
      if (e.to === libIndex) {
        problems.push(`${at(e)}: imports lib/index.ts, the notebooks' entry`);
        continue;
      }
      const from = folderOf(file);
      const to = folderOf(e.to);
      if (!from || !to) continue;
      const why = floorViolation(from, to);
      if (why) problems.push(`${at(e)}: ${why}`);
      if (from !== to && e.to !== join(lib, to, "index.ts"))
        problems.push(`${at(e)}: reaches into lib/${to}/ past its index.ts`);
    }
  }

  const scripts = resolve(root, "scripts");
  if (existsSync(scripts)) {
    for (const file of typeScriptFiles(scripts)) {
      for (const e of edgesOf(file)) {
        const to = folderOf(e.to);
        if (to && e.to !== join(lib, to, "index.ts"))
          problems.push(`${at(e)}: reaches into lib/${to}/ past its index.ts`);
      }
    }
  }

  const notebooks = resolve(root, "notebooks");
  if (existsSync(notebooks)) {
    for (const name of readdirSync(notebooks)
      .filter((n) => n.endsWith(".ipynb"))
      .sort()) {
      notebookCodeCells(join(notebooks, name)).forEach((code, cell) => {
        for (const imp of readImports(code, name)) {
          const ok =
            imp.kind === "static" &&
            imp.specifier === "./lib/index" &&
            code.split("\n")[imp.line - 1].trim() === NOTEBOOK_IMPORT;
          if (!ok)
            problems.push(
              `notebooks/${name} code cell ${cell + 1}, line ${imp.line}: ${imp.kind} import of "${imp.specifier}" (only \`${NOTEBOOK_IMPORT}\`)`,
            );
        }
      });
    }
  }

  for (const cycle of importCycles(graph))
    problems.push(`import cycle: ${cycle.map((f) => relative(root, f)).join(" -> ")}`);
  return problems;
}

/** Strongly connected components of two or more files (or a file importing itself). */
function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
