/**
 * The imports of a TypeScript source, read by the TypeScript compiler's own parser: static
 * imports and re-exports (type-only included), `import x = require(…)`, dynamic `import(…)`
 * and `require(…)` calls anywhere in the code. A regex over the text cannot tell a string or
 * a comment from code (a `"figures/*.png"` literal once hid a later `await import` from the
 * floors test); the parser can.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

export type ImportKind = "static" | "type" | "re-export" | "dynamic" | "require";

export interface SourceImport {
  /** The specifier as written: "../json/index", "node:fs", "danfojs-node". */
  specifier: string;
  kind: ImportKind;
  /** 1-based line of the specifier. */
  line: number;
}

/** Every import of `code` (a module's text; `name` only labels parse errors). */
export function readImports(code: string, name = "source.ts"): SourceImport[] {
  const source = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: SourceImport[] = [];
  const add = (literal: ts.Expression | undefined, kind: ImportKind) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart()).line + 1;
    found.push({ specifier: literal.text, kind, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, node.importClause?.isTypeOnly ? "type" : "static");
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, "re-export");
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node.moduleReference.expression, "require");
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, "type");
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], "dynamic");
      else if (ts.isIdentifier(node.expression) && node.expression.text === "require")
        add(node.arguments[0], "require");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file a relative specifier names from `file` (x.ts, or x/index.ts), if it exists. */
export function resolveRelative(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = resolve(dirname(file), specifier);
  for (const candidate of [target, `${target}.ts`, join(target, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every `.ts` file under `dir`, sorted (declaration files and node_modules left out). */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (n === "node_modules") return [];
      if (statSync(p).isDirectory()) return typeScriptFiles(p);
      return n.endsWith(".ts") && !n.endsWith(".d.ts") ? [p] : [];
    });
}

/** The code cells of a notebook, each as one string. */
export function notebookCodeCells(path: string): string[] {
  const nb = JSON.parse(readFileSync(path, "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
}
