import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import {
  formatHubSpec,
  parseHubSpec,
  resolveHubSource,
  resolveSource,
  stageInputPaths,
} from "../../lib/hub/index";
import { projectRoot } from "../../lib/paths/index";
import { STAGE_SOURCES } from "../../lib/records/index";
import { COMMIT_MAIN, COMMIT_V1, type Fixture, startFixture } from "./stand-in-fixture";

test("hub: spec grammar: type prefix, path, @rev at the end or after the name", () => {
  const cases: Array<[string, { type: string; id: string; path: string; revision: string }]> = [
    [
      "hub:tobiaslee/text_temporal/order_val.jsonl",
      { type: "dataset", id: "tobiaslee/text_temporal", path: "order_val.jsonl", revision: "main" },
    ],
    [
      "hub:datasets/o/n/a/b.json@v1",
      { type: "dataset", id: "o/n", path: "a/b.json", revision: "v1" },
    ],
    [
      "hub:models/lmms-lab/LongVA-7B/config.json",
      { type: "model", id: "lmms-lab/LongVA-7B", path: "config.json", revision: "main" },
    ],
    ["hub:o/n@dev/a@2x.png", { type: "dataset", id: "o/n", path: "a@2x.png", revision: "dev" }],
    [
      "hub:o/n/folder/@refs%2Fpr%2F1",
      { type: "dataset", id: "o/n", path: "folder", revision: "refs/pr/1" },
    ],
    ["hub:o/n", { type: "dataset", id: "o/n", path: "", revision: "main" }],
    ["hub:o/n@" + COMMIT_V1, { type: "dataset", id: "o/n", path: "", revision: COMMIT_V1 }],
  ];
  for (const [spec, want] of cases) {
    const s = parseHubSpec(spec);
    assert.deepEqual(
      { type: s.repo.type, id: s.repo.id, path: s.path, revision: s.revision },
      want,
      spec,
    );
  }
  for (const bad of [
    "hub:",
    "hub:onlyowner",
    "hub:o/n/../x",
    "hub:o/n/x@",
    "o/n/x",
    "hub:o/bad name/x",
  ]) {
    assert.throws(() => parseHubSpec(bad), /expected hub:\[datasets\/\|models\/\]owner\/name/, bad);
  }
  assert.equal(formatHubSpec(parseHubSpec("hub:models/a/b/c.json@v2")), "hub:models/a/b/c.json@v2");
});

let fx: Fixture;
before(async () => {
  fx = await startFixture();
});
after(() => fx.cleanup());
beforeEach(() => {
  fx.hub.resetCounters();
  fx.notices.length = 0;
});

test("resolveHubSource fetches one file and returns its snapshot path; cached, it costs no body request", async () => {
  const p = await resolveHubSource("hub:t3kit/demo/data/train.jsonl", fx.options());
  assert.equal(
    p,
    join(fx.cacheDir, "datasets--t3kit--demo", "snapshots", COMMIT_MAIN, "data", "train.jsonl"),
  );
  assert.equal(readFileSync(p, "utf8"), '{"id":1}\n{"id":2}\n');
  assert.equal(fx.hub.bodyRequests.length, 1);
  fx.hub.resetCounters();
  assert.equal(await resolveHubSource("hub:t3kit/demo/data/train.jsonl", fx.options()), p);
  assert.equal(fx.hub.bodyRequests.length, 0);
  assert.equal(fx.hub.log.length, 1, "one API request: which commit is main now");
  fx.hub.resetCounters();
  await resolveHubSource(`hub:t3kit/demo/data/train.jsonl@${COMMIT_MAIN}`, fx.options());
  assert.equal(fx.hub.log.length, 0, "a commit sha needs no request at all");
});

test("a folder spec fetches the files under it; a bare repo fetches all; models need models/", async () => {
  const dir = await resolveHubSource("hub:t3kit/demo/data@v1", fx.options());
  assert.equal(dir, join(fx.cacheDir, "datasets--t3kit--demo", "snapshots", COMMIT_V1, "data"));
  assert.ok(statSync(join(dir, "copy.jsonl")).isFile());
  const all = await resolveHubSource("hub:t3kit/demo", fx.options());
  assert.ok(statSync(join(all, "big.bin")).isFile());
  const cfg = await resolveHubSource("hub:models/t3kit/demo-model/config.json", fx.options());
  assert.equal(JSON.parse(readFileSync(cfg, "utf8")).model_type, "demo");
  await assert.rejects(
    resolveHubSource("hub:t3kit/demo-model/config.json", fx.options()),
    /404 Not Found.*for a model write models\/owner\/name/,
  );
});

test("a missing file is a 404 naming the file; offline mode answers from the cache only", async () => {
  await assert.rejects(
    resolveHubSource("hub:t3kit/demo/nope.json", fx.options()),
    /datasets\/t3kit\/demo\/nope\.json@main: 404 Not Found: no such file at this revision/,
  );
  await resolveHubSource("hub:t3kit/demo/README.md", fx.options());
  fx.hub.resetCounters();
  const p = await resolveHubSource("hub:t3kit/demo/README.md", fx.options({ offline: true }));
  assert.equal(readFileSync(p, "utf8"), "# demo\n");
  assert.equal(fx.hub.log.length, 0);
  await assert.rejects(
    resolveHubSource("hub:t3kit/demo/README.md@v7", fx.options({ offline: true })),
    /HF_HUB_OFFLINE/,
  );
});

test("resolveSource passes a local path through untouched", async () => {
  assert.equal(await resolveSource("data/llava/x.json"), "data/llava/x.json");
});

test("two sources naming the same blob at once share one download", async () => {
  const opts = fx.options();
  opts.config!.cacheDir = join(fx.cacheDir, "shared");
  fx.hub.resetCounters();
  const [a, b] = await Promise.all([
    resolveHubSource("hub:t3kit/demo/big.bin", opts),
    resolveHubSource("hub:t3kit/demo/big.bin@v1", opts),
  ]);
  assert.deepEqual(readFileSync(a), readFileSync(b));
  assert.equal(fx.hub.bodyRequests.length, 1);
});

test("stageInputPaths: embedded folders by default, fetched hub: sources with T3KIT_SOURCE=hub", async () => {
  STAGE_SOURCES["stand-in"] = {
    embedded: ["data/paper/"],
    hub: ["hub:t3kit/demo/README.md", "hub:models/t3kit/demo-model"],
  };
  try {
    assert.deepEqual(await stageInputPaths("stand-in", fx.options(), {}), [
      join(projectRoot, "data", "paper"),
    ]);
    const [readme, model] = await stageInputPaths("stand-in", fx.options(), {
      T3KIT_SOURCE: "hub",
    });
    assert.equal(readFileSync(readme, "utf8"), "# demo\n");
    assert.ok(statSync(join(model, "config.json")).isFile());
  } finally {
    Reflect.deleteProperty(STAGE_SOURCES, "stand-in");
  }
});
