// tslab (the notebook kernel) resolves a relative import by appending ".js" to the
// specifier, so an import of a folder ("./mixing") fails in notebooks while it works under
// node. Every relative import in lib/ must therefore name a file.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return n.endsWith(".ts") ? [p] : [];
  });
}

test("every relative import in lib/ names a .ts file, never a folder", () => {
  const bad: string[] = [];
  for (const file of tsFiles("lib")) {
    const code = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
      .join("\n");
    for (const m of code.matchAll(/(?:from|import|require\()\s*["'](\.{1,2}\/[^"']*)["']/g)) {
      const spec = m[1];
      const target = resolve(dirname(file), spec);
      if (!existsSync(`${target}.ts`)) bad.push(`${file}: "${spec}"`);
    }
  }
  assert.deepEqual(bad, []);
});
