// Flags a hostile user tries (#21 items 10-12): each is one line naming the flag, file or
// field, with the right exit code, and nothing written.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { parseAspectList } from "../../lib/probing/index";

const dir = mkdtempSync(join(tmpdir(), "t3kit-hostile-flags-"));
const t3kit = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, "scripts", "t3kit.cjs"), ...args], {
    encoding: "utf8",
    env: { ...process.env, T3KIT_STATE_DIR: join(dir, "state") },
  });

function oneLine(r: ReturnType<typeof t3kit>, status: number, pattern: RegExp): void {
  assert.equal(r.status, status, `${r.stdout}\n${r.stderr}`);
  assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, pattern);
}

const server = ["--endpoint", "http://127.0.0.1:9/v1", "--model", "m"];

test("an empty aspect list is refused, never read as all", () => {
  assert.throws(() => parseAspectList(""), /empty item/);
  assert.throws(() => parseAspectList("order,"), /empty item/);
  assert.equal(parseAspectList(undefined).length, 10);
  oneLine(
    t3kit("probe", "videos", "--aspects", "", "--out", join(dir, "v")),
    2,
    /--aspects.*empty item/,
  );
  assert.equal(existsSync(join(dir, "v")), false);
});

test("eval textual: a missing file, a folder, and --cache with --no-cache", () => {
  mkdirSync(join(dir, "folder"), { recursive: true });
  oneLine(
    t3kit("eval", "textual", ...server, "--files", join(dir, "none.jsonl")),
    1,
    /none\.jsonl: no such file \(--files\)/,
  );
  oneLine(
    t3kit("eval", "textual", ...server, "--files", join(dir, "folder")),
    1,
    /folder: a folder, not a file \(--files\)/,
  );
  writeFileSync(join(dir, "val.jsonl"), '{"question": "q", "answer": "A", "qid": "0"}\n');
  oneLine(
    t3kit(
      "eval",
      "textual",
      ...server,
      "--files",
      join(dir, "val.jsonl"),
      "--cache",
      join(dir, "c"),
      "--no-cache",
    ),
    2,
    /--cache and --no-cache together/,
  );
});

test("eval compare --bootstrap past its bound is a usage error naming the bound", () => {
  writeFileSync(join(dir, "a.csv"), "benchmark,dimension,value\nvideomme,overall,50\n");
  oneLine(
    t3kit("eval", "compare", "--bootstrap", "999999999999", "--run", `a=${join(dir, "a.csv")}`),
    2,
    /--bootstrap.*1000000/,
  );
});

test("mix plan with a --var the spec never uses names it", () => {
  oneLine(
    t3kit(
      "mix",
      "plan",
      join(projectRoot, "data", "mixes", "sweeps", "embedded-demo.yaml"),
      "--var",
      "llavaa=/x",
    ),
    1,
    /field vars: --var llavaa: the spec never uses \{llavaa\}/,
  );
});

test("train curves on an empty log and report on an empty folder fail, writing nothing", () => {
  const log = join(dir, "trainer_log.jsonl");
  writeFileSync(log, "");
  oneLine(t3kit("train", "curves", log, "--out", join(dir, "curves")), 1, /no training points/);
  assert.equal(existsSync(join(dir, "curves")), false);
  mkdirSync(join(dir, "empty-out"));
  oneLine(t3kit("report", "--out", join(dir, "empty-out")), 1, /0 of \d+ stages ran.*notebooks/);
  assert.equal(existsSync(join(dir, "empty-out", "index.html")), false);
});

test("help: --version listed, help STAGE is the stage's, notebooks --timeout -5 refused, seed 0 a seed", () => {
  assert.match(t3kit("--help").stdout, /-V, --version/);
  const help = t3kit("help", "probe");
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: t3kit probe /);
  oneLine(t3kit("notebooks", "--timeout", "-5"), 2, /--timeout/);
  const seeds = t3kit("probe", "train", "--features", join(dir, "folder"), "--seeds", "0");
  assert.doesNotMatch(seeds.stderr, /--seeds/);
});
