/**
 * Hub mode for `probe`: every input folder (`features --videos`, `train --features`,
 * `ask --videos`) also takes a `hub:` source, fetched from a stand-in Hub on 127.0.0.1 into
 * a temp cache; what the command then writes and prints is what it does on the same folder
 * on disk. Progress reaches the caller as Progress objects (done/total/unit, or a note).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import {
  extractFeatures,
  makeProbingVideos,
  parseAspectList,
  runProbingStudy,
  tenthsProgress,
} from "../../lib/probing/index";
import type { Progress } from "../../lib/progress/index";
import { type StandInFile, commitId } from "../hub/hub-stand-in";
import { type Fixture, startFixture, t3kitOnStandIn } from "../hub/stand-in-fixture";

const root = mkdtempSync(join(tmpdir(), "t3kit-probe-hub-"));
const videos = join(root, "videos");
const features = join(root, "features");
const aspects = parseAspectList("order");
const videoProgress: Progress[] = [];
const featureProgress: Progress[] = [];
let fx: Fixture;
let endpoint = "";

/** Every file under `dir`, as stand-in Hub files under `prefix/`. */
function folderFiles(dir: string, prefix: string): StandInFile[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)],
    );
  return walk(dir).map((file) => ({
    path: `${prefix}/${relative(dir, file)}`,
    data: readFileSync(file),
    lfs: file.endsWith(".mp4"),
  }));
}

// A chat server that answers "(A)" to every question.
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: "(A)" } }] }));
  });
});

before(async () => {
  await makeProbingVideos({
    out: videos,
    aspects,
    perClass: 1,
    seed: 5,
    onProgress: (p) => videoProgress.push(p),
  });
  await extractFeatures({
    videos,
    out: features,
    aspects,
    onProgress: (p) => featureProgress.push(p),
  });
  fx = await startFixture();
  const commit = commitId("probing");
  fx.hub.addRepo({
    type: "dataset",
    id: "t3kit/probing",
    commits: new Map([
      [commit, [...folderFiles(videos, "videos"), ...folderFiles(features, "features")]],
    ]),
    refs: new Map([["main", commit]]),
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(async () => {
  await fx.cleanup();
  await new Promise<void>((r) => server.close(() => r()));
});

const t3kit = (args: string[]) => t3kitOnStandIn(fx, ["probe", ...args]);

test("videos and features report Progress: done of total videos, the last one complete", () => {
  const expected = [1, 2, 3, 4].map((done) => ({ done, total: 4, unit: "videos" }));
  // The videos are announced first, with the disk they will take.
  assert.deepEqual(videoProgress, [
    { note: "4 videos to draw and encode (about 82.4 kB)" },
    ...expected,
  ]);
  assert.deepEqual(featureProgress, expected);
});

test("a count is reported at each tenth of its total and at its end", () => {
  const seen: Progress[] = [];
  const count = tenthsProgress((p) => seen.push(p), "answers");
  for (let done = 1; done <= 240; done++) count(done, 240);
  // 1 opens the first tenth; then every 24th; the end once.
  const expected = [1, ...Array.from({ length: 10 }, (_, k) => 24 * (k + 1))];
  assert.deepEqual(
    seen,
    expected.map((done) => ({ done, total: 240, unit: "answers" })),
  );
  const few: number[] = [];
  const small = tenthsProgress((p) => few.push(p.done ?? -1), "videos");
  for (let done = 1; done <= 3; done++) small(done, 3);
  assert.deepEqual(few, [1, 2, 3]);
  tenthsProgress(undefined, "videos")(1, 1); // no listener: nothing to call, no error
});

test("the study reports a note per seed", async () => {
  const notes: Progress[] = [];
  await runProbingStudy({
    features,
    aspects,
    probes: ["linear"],
    seeds: [12, 22],
    epochs: 1,
    onProgress: (p) => notes.push(p),
  });
  assert.equal(notes.length, 2);
  assert.match(
    notes[0].note ?? "",
    /^order linear seed 12: \d+\.\d% \(2 val videos, last loss \d\.\d{4}\)$/,
  );
  assert.match(notes[1].note ?? "", /^order linear seed 22: /);
});

test("probe features --videos hub:… writes the features it writes from the folder on disk", async () => {
  const out = join(root, "features-from-hub");
  const r = await t3kit([
    "features",
    "--videos",
    "hub:t3kit/probing/videos",
    "--aspects",
    "order",
    "--out",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    `1 aspects, mobilenetv3 features [8,120] (weights sha256 1b635a150090…) -> ${out}\n`,
  );
  // The Hub's download line, then the count (a log gets a line per 10 s and the last one).
  assert.match(r.stderr, /^t3kit\/probing \(6 files\) 100% .*\n(.*\n)*4 \/ 4 videos\n$/);
  const local = folderFiles(features, "");
  const fromHub = folderFiles(out, "");
  assert.deepEqual(
    fromHub.map((f) => f.path),
    local.map((f) => f.path),
  );
  for (const [k, f] of fromHub.entries()) assert.ok(f.data.equals(local[k].data), f.path);
});

test("probe train --features hub:… prints what it prints for the folder on disk", async () => {
  const args = "--probe linear --aspects order --seeds 12,22 --epochs 2 --json".split(" ");
  const hub = await t3kit([
    "train",
    "--features",
    "hub:t3kit/probing/features@main",
    ...args,
    "--out",
    join(root, "hub.csv"),
  ]);
  const disk = await t3kit([
    "train",
    "--features",
    features,
    ...args,
    "--out",
    join(root, "disk.csv"),
  ]);
  assert.equal(hub.code, 0, hub.stderr);
  assert.equal(disk.code, 0, disk.stderr);
  assert.equal(hub.stdout, disk.stdout);
  assert.deepEqual(
    JSON.parse(hub.stdout).results.map((r: { seed: number }) => r.seed),
    [12, 22],
  );
  assert.equal(
    readFileSync(join(root, "hub.csv"), "utf8"),
    readFileSync(join(root, "disk.csv"), "utf8"),
  );
});

test("probe ask --videos hub:… asks about every validation video of the Hub folder", async () => {
  const out = join(root, "answers.json");
  const r = await t3kit([
    "ask",
    "--endpoint",
    endpoint,
    "--model",
    "m",
    "--videos",
    "hub:t3kit/probing/videos",
    "--mode",
    "text",
    "--aspects",
    "order",
    "--cache",
    join(root, "cache"),
    "--out",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const written = JSON.parse(readFileSync(out, "utf8"));
  assert.deepEqual(
    written.records.map((x: { id: string; choice: string }) => [x.id, x.choice]),
    [
      ["cats_people_cats_people_000", "A"],
      ["people_cats_people_cats_000", "A"],
    ],
  );
  assert.match(r.stdout, /^order\s+50\.0% {2}\(2 videos\)\n/);
  assert.match(r.stderr, /(^|\n)2 \/ 2 answers\n$/);
});

test("a hub: folder that is not there is one line naming it", async () => {
  const r = await t3kit([
    "features",
    "--videos",
    "hub:t3kit/probing/nothing",
    "--aspects",
    "order",
    "--out",
    join(root, "none"),
  ]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /t3kit\/probing/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
