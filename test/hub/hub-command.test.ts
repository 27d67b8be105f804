/** `npx t3kit hub …` as a user runs it, against the stand-in Hub (HF_ENDPOINT, HF_HOME). */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { projectRoot } from "../../lib/paths/index";
import { COMMIT_MAIN, type Fixture, startFixture } from "./stand-in-fixture";

let fx: Fixture;
before(async () => {
  fx = await startFixture();
});
after(() => fx.cleanup());

async function t3kit(args: string[], env: Record<string, string> = {}) {
  const home = join(fx.cacheDir, "..");
  try {
    const r = await promisify(execFile)(
      process.execPath,
      [join(projectRoot, "scripts", "t3kit.cjs"), "hub", ...args],
      {
        env: {
          ...process.env,
          HF_ENDPOINT: fx.hub.url,
          HF_HOME: home,
          HF_TOKEN: "",
          HF_HUB_CACHE: "",
          ...env,
        },
      },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("hub list prints the commit and a table of files and sizes", async () => {
  const r = await t3kit(["list", "t3kit/demo"]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.equal(lines[0], `datasets/t3kit/demo@main = ${COMMIT_MAIN} (${fx.hub.url})`);
  assert.match(r.stdout, /3\.15 MB {2}lfs {3}big\.bin/);
  assert.match(lines[lines.length - 1], /total, 5 files$/);
});

test("hub get downloads into $HF_HOME/hub, prints local paths; again, downloads nothing", async () => {
  const first = await t3kit([
    "get",
    "datasets/t3kit/demo",
    "--files",
    "*.md",
    "--files",
    "big.bin",
  ]);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(first.stdout.trim().split("\n"), [
    join(fx.cacheDir, "datasets--t3kit--demo", "snapshots", COMMIT_MAIN, "README.md"),
    join(fx.cacheDir, "datasets--t3kit--demo", "snapshots", COMMIT_MAIN, "big.bin"),
  ]);
  assert.match(first.stderr, /2 downloaded \(3\.15 MB\), 0 linked, 0 already cached/);
  assert.match(
    first.stderr,
    /100% \[#+\] 3\.15 MB \/ 3\.15 MB/,
    "a final progress line (stderr is not a TTY)",
  );
  fx.hub.resetCounters();
  const again = await t3kit([
    "get",
    "datasets/t3kit/demo",
    "--files",
    "*.md",
    "--files",
    "big.bin",
  ]);
  assert.match(again.stderr, /0 downloaded \(0 B\), 0 linked, 2 already cached/);
  assert.equal(fx.hub.bodyRequests.length, 0);
});

test("hub errors: 401 asks for HF_TOKEN, 404 names the repo, bad usage exits 2", async () => {
  const gated = await t3kit(["get", "t3kit/gated"]);
  assert.equal(gated.code, 1);
  assert.match(
    gated.stderr,
    /^t3kit hub get: datasets\/t3kit\/gated\/a\.json@main: 401 Unauthorized: .*Set HF_TOKEN/,
  );
  assert.doesNotMatch(gated.stderr, /\n\s+at /, "no stack trace");
  const missing = await t3kit(["list", "t3kit/missing"]);
  assert.equal(missing.code, 1);
  assert.match(
    missing.stderr,
    /datasets\/t3kit\/missing@main: 404 Not Found: no such repository.*--type model/,
  );
  assert.equal((await t3kit(["fetch", "a/b"])).code, 2);
  const help = await t3kit(["get", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: t3kit hub get \[options\] <REPO>/);
});
