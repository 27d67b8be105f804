// The floors of lib/, enforced on the real tree, and the checker itself tried on small trees
// that break each rule (the escapes a regex-based checker let through among them).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { floorProblems } from "./floor-problems";
import { FLOORS_DOCUMENTS, floorsBlockIn, renderFloorsBlock } from "./floors-docs";
import { floorViolation } from "./floors-table";
import { readImports } from "./read-imports";

const ROOT = resolve(".");

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

test("the real tree keeps every floor rule", () => {
  assert.deepEqual(floorProblems(ROOT), []);
});

test("README's layout and ARCHITECTURE.md's floors are the table's rendering", () => {
  const block = renderFloorsBlock(ROOT);
  for (const doc of FLOORS_DOCUMENTS) {
    assert.equal(
      floorsBlockIn(readFileSync(doc, "utf8")),
      block,
      `${doc} differs from the floors table: run npm run docs:floors`,
    );
  }
});

test("imports are read by the parser: strings and comments neither hide nor invent one", () => {
  const code = [
    'const pattern = "figures/*.png";',
    'const tpl = `a // b ${"/*"}`;',
    "// import x from './commented-out';",
    "/* require('./in-a-block-comment') */",
    'const probing = await import("../probing/index");',
    'const zx = require("zx");',
    'export * from "../mixing/index";',
    'import type { Spec } from "../training/index";',
    'import fs = require("node:fs");',
    'type T = import("../tokens/index").Row;',
  ].join("\n");
  assert.deepEqual(
    readImports(code).map((i) => [i.specifier, i.kind, i.line]),
    [
      ["../probing/index", "dynamic", 5],
      ["zx", "require", 6],
      ["../mixing/index", "re-export", 7],
      ["../training/index", "type", 8],
      ["node:fs", "require", 9],
      ["../tokens/index", "type", 10],
    ],
  );
});

/** A small checkout whose files are `files` (path → text), on top of a clean skeleton. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "t3kit-floors-"));
  const skeleton: Record<string, string> = {
    "lib/index.ts": 'export * from "./report/index";\n',
    "lib/report/index.ts": 'export { page } from "./page";\n',
    "lib/report/page.ts": 'import { hub } from "../hub/index";\nexport const page = hub;\n',
    "lib/hub/index.ts": 'export { hub } from "./hub";\n',
    "lib/hub/hub.ts": "export const hub = 1;\n",
    "lib/probing/index.ts": 'export { probe } from "./probe";\n',
    "lib/probing/probe.ts": "export const probe = 2;\n",
    "lib/mixing/index.ts": "export const mix = 3;\n",
    "lib/synthesis/index.ts": "export const synth = 4;\n",
  };
  for (const [path, text] of Object.entries({ ...skeleton, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function problemsOf(files: Record<string, string>): string[] {
  const root = tree(files);
  try {
    return floorProblems(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("the checker passes a clean small tree", () => {
  assert.deepEqual(problemsOf({}), []);
});

test("the checker fails on each escape", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      "a glob string before a dynamic import of a stage beside the flow",
      {
        "lib/report/page.ts":
          'const glob = "figures/*.png";\nexport const page = async () => await import("../probing/index");\n',
      },
      /lib\/report\/page.ts:2 "..\/probing\/index": report imports probing, which stands beside the flow/,
    ],
    [
      "a require of a later stage",
      { "lib/synthesis/x.ts": 'export const m = require("../mixing/index");\n' },
      /synthesis imports the later stage mixing/,
    ],
    [
      "a re-export of a later stage",
      { "lib/synthesis/index.ts": 'export * from "../mixing/index";\n' },
      /synthesis imports the later stage mixing/,
    ],
    [
      "a type-only import of a stage into a floor",
      { "lib/hub/hub.ts": 'import type { page } from "../report/index";\nexport const hub = 1;\n' },
      /the shared floor hub imports report/,
    ],
    [
      "an import type node in a floor",
      {
        "lib/hub/hub.ts":
          'export type P = import("../report/index").Page;\nexport const hub = 1;\n',
      },
      /the shared floor hub imports report/,
    ],
    [
      "a deep import past a folder's index",
      {
        "lib/report/page.ts": 'import { hub } from "../hub/hub";\nexport const page = hub;\n',
      },
      /reaches into lib\/hub\/ past its index.ts/,
    ],
    [
      "a script's deep import",
      { "scripts/cli.ts": 'import { probe } from "../lib/probing/probe";\nprobe;\n' },
      /scripts\/cli.ts:1 "..\/lib\/probing\/probe": reaches into lib\/probing\/ past its index.ts/,
    ],
    [
      "a folder import (tslab appends .js)",
      { "lib/report/page.ts": 'import { hub } from "../hub";\nexport const page = hub;\n' },
      /must name a .ts file/,
    ],
    [
      "lib/index.ts imported from inside lib",
      { "lib/report/page.ts": 'import * as t3 from "../index";\nexport const page = t3;\n' },
      /imports lib\/index.ts/,
    ],
    [
      "a cycle through type-only imports",
      {
        "lib/hub/hub.ts":
          'import type { B } from "./b";\nexport type A = B;\nexport const hub = 1;\n',
        "lib/hub/b.ts": 'import type { A } from "./hub";\nexport type B = A;\n',
      },
      /import cycle: lib\/hub\/b.ts -> lib\/hub\/hub.ts/,
    ],
    [
      "a folder missing from the table",
      { "lib/widgets/index.ts": "export const w = 1;\n" },
      /lib\/widgets\/ is not placed/,
    ],
    [
      "a notebook's dynamic import of a folder",
      {
        "notebooks/01-x.ipynb": JSON.stringify({
          cells: [
            { cell_type: "code", source: ['import * as t3 from "./lib/index";\n'] },
            { cell_type: "markdown", source: ['await import("./lib/probing/index")'] },
            {
              cell_type: "code",
              source: ['const s = "a/*b";\n', 'const p = await import("./lib/probing/index");\n'],
            },
          ],
        }),
      },
      /notebooks\/01-x.ipynb code cell 2, line 2: dynamic import of ".\/lib\/probing\/index"/,
    ],
  ];
  for (const [name, files, expected] of cases) {
    const problems = problemsOf(files);
    assert.ok(
      problems.some((p) => expected.test(p)),
      `${name}: expected ${expected}, got ${JSON.stringify(problems)}`,
    );
  }
});
