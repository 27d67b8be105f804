// `t3kit class release --out DIR` then `class grade --json` through the real command line, on
// real Jupyter: the released copy scores 0 with every exercise listed, the teacher's notebook
// full points, in the documented shape. One lesson (08, whose answers are async inspections)
// keeps it to two headless runs; the library path is tested in test/teaching.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { projectRoot } from "../../lib/paths/index";

const run = promisify(execFile);
const CLI = join(projectRoot, "scripts", "t3kit.cjs");
const LESSON = join(projectRoot, "notebooks", "08-mix-analysis.ipynb");

async function t3kit(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, ...env },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("class release --out DIR, then class grade --json: the released copy scores 0, the teacher's notebook full points", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-class-cli-"));
  // The lessons write under T3KIT_OUT: keep out/ of the checkout untouched.
  const env = { T3KIT_OUT: join(dir, "out") };
  try {
    const released = join(dir, "students");
    const r = await t3kit(env, "class", "release", LESSON, "--out", released);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `released 1 notebook -> ${released}\n`);
    assert.deepEqual(readdirSync(released), ["08-mix-analysis.ipynb"]);
    const copy = join(released, "08-mix-analysis.ipynb");
    const text = readFileSync(copy, "utf8");
    assert.doesNotMatch(text, /BEGIN SOLUTION|contamination\[0\]/);
    assert.equal(text.match(/not answered yet/g)?.length, 3);

    const g = await t3kit(env, "class", "grade", copy, LESSON, "--json");
    assert.equal(g.code, 0, g.stderr);
    const exercises = (score: (points: number) => number) =>
      [
        ["08.1", 2],
        ["08.2", 1],
        ["08.3", 2],
      ].map(([id, points]) => ({ id, points, score: score(points as number) }));
    assert.deepEqual(JSON.parse(g.stdout), {
      notebooks: [
        { notebook: "08-mix-analysis", score: 0, points: 5, exercises: exercises(() => 0) },
        { notebook: "08-mix-analysis", score: 5, points: 5, exercises: exercises((p) => p) },
      ],
    });
    // The keys in the documented order.
    const first = JSON.parse(g.stdout).notebooks[0];
    assert.deepEqual(Object.keys(first), ["notebook", "score", "points", "exercises"]);
    assert.deepEqual(Object.keys(first.exercises[0]), ["id", "points", "score"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
