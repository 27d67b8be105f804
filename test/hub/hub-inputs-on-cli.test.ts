// Defect 11: the README says any stage input may be `hub:owner/name/path`; on the command
// line every file argument takes one (fetched into the cache from the stand-in Hub).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { commitId } from "./hub-stand-in";
import { type Fixture, startFixture, t3kitOnStandIn } from "./stand-in-fixture";

let fx: Fixture;
before(async () => {
  fx = await startFixture();
  const commit = commitId("inputs");
  fx.hub.addRepo({
    type: "dataset",
    id: "t3kit/inputs",
    commits: new Map([
      [
        commit,
        [
          { path: "llava.json", data: readFileSync("data/llava/llava-sample.json"), lfs: false },
          {
            path: "captions.jsonl",
            data: readFileSync("data/captions/embedded-captions.jsonl"),
            lfs: true,
          },
        ],
      ],
    ]),
    refs: new Map([["main", commit]]),
  });
});
after(() => fx.cleanup());

const t3kit = (args: string[]) => t3kitOnStandIn(fx, args);

test("tokens count hub:… reads the file from the Hub cache", async () => {
  const r = await t3kit([
    ...["tokens", "count", "--tokenizer", "words", "--workers", "0"],
    "hub:t3kit/inputs/llava.json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split("\n").length, 120);
});

test("synthesize --captions hub:… reads the captions from the Hub cache", async () => {
  const out = join(fx.cacheDir, "..", "synth-out");
  const r = await t3kit([
    ...["synthesize", "--captions", "hub:t3kit/inputs/captions.jsonl@main"],
    ...[
      "--out",
      out,
      "--tasks",
      "order",
      "--lengths",
      "1",
      "--per-task",
      "5",
      "--val-per-task",
      "0",
    ],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(join(out, "manifest.json"), "utf8"), /"file": "captions\.jsonl"/);
});

test("mix reference --llava hub:… is fetched too", async () => {
  const r = await t3kit([
    ...["mix", "reference", "--llava", "hub:t3kit/inputs/llava.json"],
    ...["--t3-dir", "data/t3", "--out", join(fx.cacheDir, "..", "ref-out")],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /written\s+120\s+.*llava_next_per100000_total120_lRatio2\.json/);
});
