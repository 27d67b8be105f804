// probe videos into a folder of an earlier, larger draw leaves exactly this draw's videos
// (a user's own file stays); probe features names an aspect that was never drawn.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";

const STATE = mkdtempSync(join(tmpdir(), "t3kit-stale-state-"));
const probe = (args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, "scripts", "t3kit.cjs"), "probe", ...args], {
    encoding: "utf8",
    env: { ...process.env, T3KIT_STATE_DIR: STATE },
  });

function videosUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => p.endsWith(".mp4") && statSync(join(dir, p)).isFile())
    .sort();
}

test("a smaller draw into the same folder leaves no videos of the larger one", () => {
  const dir = join(mkdtempSync(join(tmpdir(), "t3kit-stale-")), "videos");
  const two = probe(["videos", "--out", dir, "--per-class", "2", "--aspects", "order"]);
  assert.equal(two.status, 0, two.stderr);
  writeFileSync(join(dir, "my-notes.txt"), "keep me\n");
  const one = probe(["videos", "--out", dir, "--per-class", "1", "--aspects", "order"]);
  assert.equal(one.status, 0, one.stderr);
  const manifest = JSON.parse(readFileSync(join(dir, "probing-videos.json"), "utf8"));
  const listed = manifest.videos.map((v: { path: string }) => v.path).sort();
  assert.deepEqual(videosUnder(dir), listed);
  assert.ok(listed.length > 0 && listed.length < videosUnder(dir).length * 2 + 1);
  assert.equal(readFileSync(join(dir, "my-notes.txt"), "utf8"), "keep me\n");
});

test("probe features on an aspect that was never drawn names the aspect and the manifest", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-stale-"));
  const videos = join(dir, "videos");
  assert.equal(
    probe(["videos", "--out", videos, "--per-class", "1", "--aspects", "order"]).status,
    0,
  );
  const r = probe([
    "features",
    "--videos",
    videos,
    "--out",
    join(dir, "f"),
    "--aspects",
    "brightness",
  ]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, /probing-videos\.json.*brightness.*it holds order/);
});
