/**
 * Sizes are checked before work: `probe videos --per-class 99999999` is refused at once with
 * how many videos and how much disk it would take (it died of V8 heap exhaustion after 55 s),
 * and a run that goes ahead says up front how many videos it will make.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import {
  BYTES_PER_PROBING_VIDEO,
  MAX_PROBING_VIDEOS,
  PROBING_ASPECTS,
  makeProbingVideos,
  probingVideoCount,
} from "../../lib/probing/index";

test("videos per run: 2 splits × classes × per-class, summed over the aspects", () => {
  // The released aspects' classes: 60 videos for --per-class 1 over all of them.
  assert.equal(probingVideoCount(PROBING_ASPECTS, 1), 60);
  assert.equal(probingVideoCount(PROBING_ASPECTS, 4), 240);
  assert.equal(probingVideoCount([], 4), 0);
  assert.equal(MAX_PROBING_VIDEOS, 100_000);
});

test("probe videos --per-class 99999999 is refused before any work, saying what it would take", () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit-size-"));
  try {
    const run = spawnSync(
      process.execPath,
      [
        join(projectRoot, "scripts", "t3kit.cjs"),
        "probe",
        "videos",
        "--per-class",
        "99999999",
        "--out",
        join(out, "v"),
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    assert.equal(run.status, 1, run.stderr);
    const count = 60 * 99_999_999;
    assert.equal(Math.round((count * BYTES_PER_PROBING_VIDEO) / 1e12), 124);
    assert.equal(
      run.stderr,
      `t3kit probe videos: --per-class 99999999 would make ${count.toLocaleString("en-US")} videos (about 124 TB on disk); one run makes at most 100,000 (--per-class 1666 with these aspects)\n`,
    );
    assert.equal(existsSync(join(out, "v")), false, "nothing was written");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the limit is checked in the library too, and a run says up front how many videos it makes", async () => {
  const notes: string[] = [];
  const order = PROBING_ASPECTS.filter((a) => a.name === "order");
  const perClass = Math.floor(MAX_PROBING_VIDEOS / probingVideoCount(order, 1)) + 1;
  await assert.rejects(
    makeProbingVideos({
      out: "/nonexistent/never-written",
      aspects: order,
      perClass,
      seed: 42,
      onProgress: (p) => p.note && notes.push(p.note),
    }),
    /would make 100,00\d videos/,
  );
  assert.deepEqual(notes, []);
});
