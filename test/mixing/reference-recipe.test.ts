import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { runReferenceRecipe } from "../../lib/mixing/index";
import { T3_FILES } from "../../lib/records/index";
import { assertSameFiles, makeReferenceInputs, runPythonRecipe } from "./reference-fixture";

test("the reference recipe writes Python's files byte for byte; existing files are kept", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs();
  runPythonRecipe(llava, t3Dir, join(dir, "py"));
  const outputs = await runReferenceRecipe({ llava, t3Dir, outDir: join(dir, "ts") });
  assert.equal(outputs.length, 12);
  // On small inputs the 100k and 200k rounds give the same names: the second round keeps.
  assert.deepEqual(
    outputs.map((o) => o.status),
    [...Array(6).fill("written"), ...Array(6).fill("kept")],
  );
  assert.equal(readdirSync(join(dir, "ts")).length, 6);
  assertSameFiles(join(dir, "ts"), join(dir, "py"));
  // One thread or two: the same bytes.
  await runReferenceRecipe({ llava, t3Dir, outDir: join(dir, "ts1"), threads: 1 });
  assertSameFiles(join(dir, "ts1"), join(dir, "py"));

  // --force: the second round's draws overwrite, in both.
  runPythonRecipe(llava, t3Dir, join(dir, "py"), true);
  const forced = await runReferenceRecipe({ llava, t3Dir, outDir: join(dir, "ts"), force: true });
  assert.ok(forced.every((o) => o.status === "written"));
  assertSameFiles(join(dir, "ts"), join(dir, "py"));
});

test("the CLI says which files it kept, and --force overwrites", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs(50, 10);
  const out = join(dir, "cli");
  const cli = (extra: string[]) =>
    spawnSync(
      process.execPath,
      [
        "scripts/t3kit.cjs",
        "mix",
        "reference",
        "--llava",
        llava,
        "--t3-dir",
        t3Dir,
        "--out",
        out,
        ...extra,
      ],
      {
        encoding: "utf8",
      },
    );
  const first = cli([]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /6 written, 6 kept/);
  const again = cli([]);
  assert.match(again.stdout, /kept \(exists; --force overwrites\)/);
  assert.doesNotMatch(again.stdout, /^written/m);
  const forced = cli(["--force"]);
  assert.match(forced.stderr, /12 written, 0 kept/);
});

async function expectInputError(
  p: Promise<unknown>,
  check: (e: InputError) => void,
): Promise<void> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    check(e);
    return;
  }
  assert.fail("expected an InputError");
}

test("bad input names file, record and field, and writes nothing", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs(20, 5);
  const out = join(dir, "bad-out");

  const noConv = join(dir, "no-conv.json");
  writeFileSync(noConv, '[{"id": "a", "conversations": []}, {"id": "b", "image": "x.jpg"}]');
  await expectInputError(runReferenceRecipe({ llava: noConv, t3Dir, outDir: out }), (e) => {
    assert.equal(e.location.file, noConv);
    assert.equal(e.location.record, 1);
    assert.equal(e.location.field, "conversations");
  });

  // The recipe scans fast and checks each record in full when it writes it.
  const badEscape = join(dir, "bad-escape.json");
  writeFileSync(
    badEscape,
    '[{"id": "a", "conversations": []}, {"id": "b", "conversations": [{"from": "human", "value": "bad \\x escape"}]}]',
  );
  await expectInputError(runReferenceRecipe({ llava: badEscape, t3Dir, outDir: out }), (e) => {
    assert.equal(e.location.file, badEscape);
    assert.equal(e.location.record, 1);
    assert.equal(e.location.field, "conversations[0].value");
    assert.match(e.message, /invalid escape/);
  });

  const trunc = join(dir, "trunc.json");
  writeFileSync(trunc, readFileSync(llava).subarray(0, 3000));
  await expectInputError(runReferenceRecipe({ llava: trunc, t3Dir, outDir: out }), (e) => {
    assert.equal(e.location.file, trunc);
    assert.match(e.message, /truncated/);
    assert.equal(typeof e.location.record, "number");
  });

  const badT3 = join(dir, "t3-bad");
  spawnSync("cp", ["-r", t3Dir, badT3]);
  const swapped = join(badT3, T3_FILES[3].file);
  writeFileSync(
    swapped,
    '[[{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], [{"from": "gpt", "value": "a"}, {"from": "human", "value": "q"}]]',
  );
  await expectInputError(runReferenceRecipe({ llava, t3Dir: badT3, outDir: out }), (e) => {
    assert.equal(e.location.file, swapped);
    assert.equal(e.location.record, 1);
    assert.equal(e.location.field, "[0].from");
  });
  writeFileSync(swapped, '[[{"from": "human", "value": "q"}]]');
  await expectInputError(runReferenceRecipe({ llava, t3Dir: badT3, outDir: out }), (e) => {
    assert.equal(e.location.record, 0);
    assert.match(e.message, /1 turns/);
  });

  const missing = join(dir, "t3-missing");
  spawnSync("cp", ["-r", t3Dir, missing]);
  spawnSync("rm", [join(missing, T3_FILES[8].file)]);
  await expectInputError(runReferenceRecipe({ llava, t3Dir: missing, outDir: out }), (e) => {
    assert.equal(e.location.file, join(missing, T3_FILES[8].file));
    assert.match(e.message, /missing Video-T3-QA file/);
  });

  assert.ok(!existsSync(out) || readdirSync(out).length === 0, "no output after bad input");
});

test("interrupting a run leaves only complete files, never a partial or temp file", async () => {
  const { dir, llava, t3Dir } = await makeReferenceInputs(20000, 300);
  const out = join(dir, "int-out");
  const child = spawn(
    process.execPath,
    ["scripts/t3kit.cjs", "mix", "reference", "--llava", llava, "--t3-dir", t3Dir, "--out", out],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  // One exit promise, made before anything can end the child (a listener added after
  // the exit would wait forever).
  const exited = new Promise((r) => child.once("exit", r));
  child.stderr.on("data", (d: Buffer) => {
    if (d.toString().includes("writing")) child.kill("SIGINT");
  });
  await exited;
  const left = existsSync(out) ? readdirSync(out) : [];
  assert.deepEqual(
    left.filter((f) => f.endsWith(".tmp")),
    [],
    "temp files left behind",
  );
  // Whatever is there is complete: Python's json can load it.
  for (const f of left) {
    assert.ok(statSync(join(out, f)).size > 0);
    const r = spawnSync("python3", [
      "-c",
      "import json,sys; json.load(open(sys.argv[1]))",
      join(out, f),
    ]);
    assert.equal(r.status, 0, `${f} is not complete JSON`);
  }
});
