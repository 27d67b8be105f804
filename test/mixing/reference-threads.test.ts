// The reference recipe's two threads share queues in shared memory: each index goes to
// exactly one thread, and when inputs are bad the error is the one a single thread
// would meet first, whichever thread met it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { InputError } from "../../lib/errors/index";
import { MemorySource, runReferenceRecipe } from "../../lib/mixing/index";
import { SharedQueue, firstFailure } from "../../lib/mixing/reference/reference-work";
import { writeMixRecordsTo } from "../../lib/mixing/run/write-mix-file";
import { packRef } from "../../lib/mixing/sources/record-refs";
import { T3_FILES } from "../../lib/records/index";
import { runPythonJson } from "../oracle/run-python";
import { assertSameFiles, makeReferenceInputs, runPythonRecipe } from "./reference-fixture";

test("a shared queue hands each index to exactly one of two threads, and stops for both", async () => {
  const n = 20000;
  const queue = new SharedQueue(n);
  // The other thread takes from the same memory with the same Atomics rule.
  const other = new Worker(
    `const { workerData, parentPort } = require("node:worker_threads");
     const cells = new Int32Array(workerData.memory);
     const got = [];
     for (;;) {
       if (Atomics.load(cells, 1) !== 0) break;
       const k = Atomics.add(cells, 0, 1);
       if (k >= workerData.n) break;
       got.push(k);
     }
     parentPort.postMessage(got);`,
    { eval: true, workerData: { memory: queue.memory, n } },
  );
  const theirs = new Promise<number[]>((resolve) => other.once("message", resolve));
  const mine: number[] = [];
  for (let k = queue.take(); k >= 0; k = queue.take()) mine.push(k);
  const all = [...mine, ...(await theirs)].sort((a, b) => a - b);
  assert.equal(all.length, n, "an index taken twice or never");
  assert.ok(
    all.every((k, i) => k === i),
    "indices are 0..n-1, each once",
  );
  assert.ok(
    mine.every((k, i) => i === 0 || k > mine[i - 1]),
    "one thread takes in order",
  );

  const stopped = new SharedQueue(5);
  assert.equal(stopped.take(), 0);
  new SharedQueue(5, stopped.memory).stop();
  assert.equal(stopped.take(), -1, "a stop on the shared memory stops every taker");
  await other.terminate();
});

test("the first failure is the lowest task's, as one thread going in order would meet it", () => {
  const f = (k: number) => ({ k, error: new Error(String(k)) });
  assert.equal(firstFailure([f(7), f(2), f(9)])?.k, 2);
  assert.equal(firstFailure([f(0)])?.k, 0);
  assert.equal(firstFailure([]), null);
});

test("two bad T3 files: both threads, every run, name the one loaded first (and LLaVA before any)", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs(200, 40);
  const bad = join(dir, "t3-two-bad");
  spawnSync("cp", ["-r", t3Dir, bad]);
  const pair = (a: string, b: string) =>
    `[{"from": "${a}", "value": "q"}, {"from": "${b}", "value": "a"}]`;
  // Input 12 (the last T3 file) is small, so a thread can finish it first; input 4 is
  // bad further in. Whichever thread meets which, the error is input 4's.
  const early = join(bad, T3_FILES[3].file);
  const late = join(bad, T3_FILES[12].file);
  const good = pair("human", "gpt");
  writeFileSync(early, `[${Array(3000).fill(good).join(", ")}, ${pair("gpt", "human")}]`);
  writeFileSync(late, `[${pair("gpt", "human")}]`);
  for (const threads of [2, 2, 2, 1] as const) {
    await assert.rejects(
      runReferenceRecipe({ llava, t3Dir: bad, outDir: join(dir, "o"), threads }),
      (e: unknown) =>
        e instanceof InputError && e.location.file === early && e.location.record === 3000,
    );
  }
  const badLlava = join(dir, "bad-llava.json");
  writeFileSync(badLlava, readFileSync(llava, "utf8").replace('"conversations"', '"conversation"'));
  for (const threads of [2, 1] as const) {
    await assert.rejects(
      runReferenceRecipe({ llava: badLlava, t3Dir: bad, outDir: join(dir, "o"), threads }),
      (e: unknown) => e instanceof InputError && e.location.file === badLlava,
    );
  }
});

test("writing a mix over a longer file leaves none of the old bytes", async () => {
  const { dir } = await makeReferenceInputs(5, 2);
  const path = join(dir, "over.json");
  writeFileSync(path, "x".repeat(100000));
  const source = new MemorySource("m", "memory", [{ id: "é", n: [1, 2.5] }, "two"]);
  const bytes = await writeMixRecordsTo(
    path,
    [packRef(0, 1), packRef(0, 0)],
    [source],
    "llava-json",
  );
  const want = runPythonJson<string>(
    'import json; print(json.dumps(json.dumps(["two", {"id": "\\u00e9", "n": [1, 2.5]}], indent=4)))',
  );
  assert.equal(readFileSync(path, "utf8"), want);
  assert.equal(bytes, Buffer.byteLength(want));
});

test("the LLaVA file scanned in two halves gives Python's bytes, also when the guessed middle is inside a record", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs(400, 30);
  const py = join(dir, "py");
  runPythonRecipe(llava, t3Dir, py);
  await runReferenceRecipe({ llava, t3Dir, outDir: join(dir, "split"), splitLlavaAbove: 0 });
  assertSameFiles(join(dir, "split"), py);

  // A big record in the middle holds many lines that open an object at the first
  // element's indent: the guess lands inside it, the first half's scan sees that and reads on.
  const inner = join(dir, "inner.json");
  const lines = readFileSync(llava, "utf8").trim().slice(1, -1).split(",\n").filter(Boolean);
  const big = `{"id": "big", "meta": [${Array(20000).fill('\n{"x": "\\n{"}').join(",")}], "conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}]}`;
  lines.splice(lines.length / 2, 0, big);
  writeFileSync(inner, `[\n${lines.join(",\n")}\n]\n`);
  const pyInner = join(dir, "py-inner");
  runPythonRecipe(inner, t3Dir, pyInner);
  await runReferenceRecipe({
    llava: inner,
    t3Dir,
    outDir: join(dir, "inner-out"),
    splitLlavaAbove: 0,
  });
  assertSameFiles(join(dir, "inner-out"), pyInner);
});

test("a bad record in the second half is reported as a one-thread scan reports it", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs(400, 30);
  const lines = readFileSync(llava, "utf8").trim().slice(1, -1).split(",\n");
  lines[lines.length - 20] = lines[lines.length - 20].replace('"value": "', '"value": "\\x');
  const bad = join(dir, "bad-late.json");
  writeFileSync(bad, `[\n${lines.join(",\n")}\n]\n`);
  const errorOf = async (options: Partial<Parameters<typeof runReferenceRecipe>[0]>) => {
    try {
      await runReferenceRecipe({ llava: bad, t3Dir, outDir: join(dir, "o"), ...options });
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
      return { location: e.location, problem: e.problem };
    }
    assert.fail("no error");
  };
  const oneThread = await errorOf({ threads: 1 });
  assert.equal(oneThread.location.record, lines.length - 20);
  assert.deepEqual(await errorOf({ splitLlavaAbove: 0 }), oneThread);
});
