// Defect 5: a writer killed with SIGKILL cannot remove its temp files; the next run that
// writes into the same folder removes the ones whose process is gone (and only those).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const temps = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".tmp")) : [];

const synthArgs = (out: string) => [
  "scripts/t3kit.cjs",
  "synthesize",
  "--out",
  out,
  "--tasks",
  "order,attribute",
  "--lengths",
  "1,2,4,8",
  "--per-task",
  "15000",
];

test("temp files left by a SIGKILLed synthesize are removed by the next run", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "t3kit-kill9-")), "out");
  const child = spawn(process.execPath, synthArgs(out), { stdio: "ignore" });
  const exited = new Promise((r) => child.once("exit", r));
  // Kill it while its temp files exist (they appear once the captions are surveyed).
  const deadline = Date.now() + 120_000;
  while (temps(out).length === 0 && child.exitCode === null && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGKILL");
  await exited;
  const left = temps(out);
  assert.ok(
    left.length > 0,
    "the killed run should have left temp files (it was not killed mid-write)",
  );

  // A temp file of a live process (this one) in the same folder must survive.
  const live = join(out, `.x.json.${process.pid}.abc123.tmp`);
  writeFileSync(live, "in use");
  const again = spawnSync(
    process.execPath,
    [...synthArgs(out).slice(0, -2), "--per-task", "10", "--val-per-task", "0"],
    { encoding: "utf8" },
  );
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(temps(out), [live.split("/").pop()]);
});

test("stale temps are swept in the folder a mix is written to, not elsewhere", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-stale-"));
  const out = join(dir, "mixes");
  mkdirSync(out);
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  const pid = Number(dead.stdout);
  const stale = `.m.json.${pid}.k2j4h5.tmp`;
  const notOurs = `.m.json.${pid}.tmp`;
  writeFileSync(join(out, stale), "half a mix");
  writeFileSync(join(out, notOurs), "someone else's naming");
  writeFileSync(join(dir, stale), "another folder");
  const r = spawnSync(
    process.execPath,
    ["scripts/t3kit.cjs", "mix", "run", "data/mixes/sweeps/embedded-demo.yaml", "--out", out],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!existsSync(join(out, stale)), "the stale temp file is still there");
  assert.ok(existsSync(join(out, notOurs)));
  assert.ok(existsSync(join(dir, stale)));
});
