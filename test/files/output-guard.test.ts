// The one output guard (lib/files/output-guard.ts): inside a run, outputs are checked
// against the inputs, each other and files the kit did not write; a failed run (or one
// killed with -9) leaves every file as it was before.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { ownOutputFolder, runWithOutputGuard, writeFileAtomic } from "../../lib/files/index";

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-guard-"));
  process.env.T3KIT_STATE_DIR = join(dir, "state");
  return dir;
}

const refusal = (pattern: RegExp) => (err: unknown) =>
  err instanceof InputError && pattern.test(err.message);

test("an output that is an input, a hard link to one, or inside an input folder is refused; the input is untouched", async () => {
  const dir = sandbox();
  const input = join(dir, "data.json");
  writeFileSync(input, "[1]\n");
  const folder = join(dir, "features");
  mkdirSync(join(folder, "order"), { recursive: true });
  writeFileSync(join(folder, "order", "a.npy"), "npy");
  linkSync(input, join(dir, "alias.json"));
  const inputs = [
    { path: input, label: "--data" },
    { path: folder, label: "--features" },
  ];
  for (const target of [
    input,
    join(dir, "alias.json"),
    join(folder, "order", "a.npy"),
    join(folder, "new.csv"),
  ])
    await assert.rejects(
      runWithOutputGuard({ inputs }, () => writeFileAtomic(target, "out")),
      refusal(/input/),
      target,
    );
  assert.equal(readFileSync(input, "utf8"), "[1]\n");
  assert.equal(readFileSync(join(folder, "order", "a.npy"), "utf8"), "npy");
  assert.deepEqual(readdirSync(folder).sort(), ["order"]);
  assert.deepEqual(readdirSync(dir).sort(), ["alias.json", "data.json", "features"]);
});

test("two outputs of one run that are one file: the second is refused and the first undone", async () => {
  const dir = sandbox();
  const target = join(dir, "re", "a_fps2.mp4");
  await assert.rejects(
    runWithOutputGuard({}, async () => {
      await writeFileAtomic(target, "from x/a.mp4");
      await writeFileAtomic(target, "from y/a.mp4");
    }),
    refusal(/two outputs of this run/),
  );
  assert.equal(existsSync(join(dir, "re")), false, "the folder the run made is gone too");
});

test("a file the kit did not write is replaced only with force, and put back when the run fails", async () => {
  const dir = sandbox();
  const mine = join(dir, "command.sh");
  writeFileSync(mine, "my own script\n");
  await assert.rejects(
    runWithOutputGuard({}, () => writeFileAtomic(mine, "kit")),
    refusal(/not written by t3kit.*--force/),
  );
  assert.equal(readFileSync(mine, "utf8"), "my own script\n");
  await assert.rejects(
    runWithOutputGuard({ force: true }, async () => {
      await writeFileAtomic(mine, "kit");
      assert.equal(readFileSync(mine, "utf8"), "kit");
      throw new Error("a later step fails");
    }),
    /a later step fails/,
  );
  assert.equal(readFileSync(mine, "utf8"), "my own script\n");
  assert.deepEqual(readdirSync(dir).sort(), ["command.sh", "state"], "no backup left behind");
  await runWithOutputGuard({ force: true }, () => writeFileAtomic(mine, "kit"));
  assert.equal(readFileSync(mine, "utf8"), "kit");
  // Now it is the kit's: a later run replaces it without --force.
  await runWithOutputGuard({}, () => writeFileAtomic(mine, "kit again"));
  assert.equal(readFileSync(mine, "utf8"), "kit again");
  // Edited by the user since: theirs again.
  writeFileSync(mine, "kit again, edited\n");
  await assert.rejects(
    runWithOutputGuard({}, () => writeFileAtomic(mine, "kit")),
    refusal(/not written by t3kit/),
  );
});

test("a merged file (other entries kept) replaces a user's file without force", async () => {
  const dir = sandbox();
  const info = join(dir, "dataset_info.json");
  writeFileSync(info, '{"theirs": {}}\n');
  await runWithOutputGuard({}, () =>
    writeFileAtomic(info, '{"theirs": {}, "mix": {}}\n', { merged: true }),
  );
  assert.equal(readFileSync(info, "utf8"), '{"theirs": {}, "mix": {}}\n');
});

test("a failed run undoes all its outputs: new files and folders gone, replaced files back", async () => {
  const dir = sandbox();
  const out = join(dir, "out");
  await runWithOutputGuard({}, () => writeFileAtomic(join(out, "ratio-0.2.json"), "old 0.2"));
  await assert.rejects(
    runWithOutputGuard({}, async () => {
      await writeFileAtomic(join(out, "ratio-0.2.json"), "new 0.2");
      await writeFileAtomic(join(out, "sub", "ratio-0.5.json"), "new 0.5");
      throw new Error("ratio 1.0 failed");
    }),
    /ratio 1.0 failed/,
  );
  assert.deepEqual(readdirSync(out), ["ratio-0.2.json"]);
  assert.equal(readFileSync(join(out, "ratio-0.2.json"), "utf8"), "old 0.2");
  // The restored file is still known as the kit's.
  await runWithOutputGuard({}, () => writeFileAtomic(join(out, "ratio-0.2.json"), "again"));
});

test("an owned output folder loses the kit's stale files from an earlier, larger run, never the user's", async () => {
  const dir = sandbox();
  const out = join(dir, "videos");
  await runWithOutputGuard({}, async () => {
    for (const n of ["a", "b"]) await writeFileAtomic(join(out, "order", `${n}.mp4`), n);
  });
  writeFileSync(join(out, "order", "notes.txt"), "mine");
  await runWithOutputGuard({}, async () => {
    ownOutputFolder(out);
    await writeFileAtomic(join(out, "order", "a.mp4"), "a2");
  });
  assert.deepEqual(readdirSync(join(out, "order")).sort(), ["a.mp4", "notes.txt"]);
});

test("after kill -9 mid-run, the next guarded run undoes the dead run's outputs", async () => {
  const dir = sandbox();
  const kept = join(dir, "kept.json");
  await runWithOutputGuard({}, () => writeFileAtomic(kept, "before"));
  const script = `
    const { runWithOutputGuard, writeFileAtomic } = require("./lib/files/index");
    runWithOutputGuard({}, async () => {
      await writeFileAtomic(${JSON.stringify(kept)}, "half a run");
      await writeFileAtomic(${JSON.stringify(join(dir, "new", "x.json"))}, "new");
      process.stdout.write("written\\n");
      await new Promise(() => setInterval(() => {}, 1000));
    });`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
    env: { ...process.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => b.toString().includes("written") && resolve());
    child.on("exit", () => reject(new Error("the child ended before writing")));
  });
  assert.equal(readFileSync(kept, "utf8"), "half a run");
  child.kill("SIGKILL");
  await new Promise((r) => child.on("exit", r));
  const notices: string[] = [];
  await runWithOutputGuard({ notice: (m) => notices.push(m) }, async () => {});
  assert.equal(readFileSync(kept, "utf8"), "before");
  assert.equal(existsSync(join(dir, "new")), false);
  assert.match(notices.join("\n"), /undid 2 output\(s\) of 1 run/);
});

test("a checkout input: new outputs may be made inside it, its own files are never replaced, even with force", async () => {
  const dir = sandbox();
  const checkout = join(dir, "LLaMA-Factory");
  mkdirSync(join(checkout, "data"), { recursive: true });
  writeFileSync(join(checkout, "data", "dataset_info.json"), "{}\n");
  const inputs = [{ path: checkout, label: "--codebase", outputsInside: true }];
  await runWithOutputGuard({ inputs }, () =>
    writeFileAtomic(join(checkout, "runs", "r1", "command.sh"), "a"),
  );
  await runWithOutputGuard({ inputs }, () =>
    writeFileAtomic(join(checkout, "runs", "r1", "command.sh"), "b"),
  );
  assert.equal(readFileSync(join(checkout, "runs", "r1", "command.sh"), "utf8"), "b");
  await assert.rejects(
    runWithOutputGuard({ inputs, force: true }, () =>
      writeFileAtomic(join(checkout, "data", "dataset_info.json"), "kit"),
    ),
    refusal(/inside the input folder/),
  );
  assert.equal(readFileSync(join(checkout, "data", "dataset_info.json"), "utf8"), "{}\n");
});
