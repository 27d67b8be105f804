import assert from "node:assert/strict";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { HubError, downloadMatchingFiles, parseRepoRef } from "../../lib/hub/index";
import { etagOf, sha256 } from "./hub-stand-in";
import {
  BIG_SIZE,
  COMMIT_MAIN,
  COMMIT_V1,
  type Fixture,
  demoFiles,
  startFixture,
} from "./stand-in-fixture";

let fx: Fixture;
const demo = parseRepoRef("datasets/t3kit/demo");
const repoDir = () => join(fx.cacheDir, "datasets--t3kit--demo");
const big = demoFiles().find((f) => f.path === "big.bin")!;

before(async () => {
  fx = await startFixture();
});
after(() => fx.cleanup());
beforeEach(() => {
  fx.hub.resetCounters();
  fx.hub.bodyFaults.length = 0;
  fx.hub.apiFaults.length = 0;
  fx.notices.length = 0;
});

test("get writes Python huggingface_hub's cache layout; a second get downloads nothing", async () => {
  const r = await downloadMatchingFiles(demo, fx.options());
  assert.equal(r.commit, COMMIT_MAIN);
  // refs/main holds the commit sha, with no newline (as Python writes it)
  assert.equal(readFileSync(join(repoDir(), "refs", "main"), "utf8"), COMMIT_MAIN);
  // blobs named by LFS sha256 / git sha1; snapshots are relative symlinks into blobs
  const expected: Record<string, string> = {
    "README.md": "../../blobs/",
    "big.bin": "../../blobs/",
    "data/train.jsonl": "../../../blobs/",
    "data/copy.jsonl": "../../../blobs/",
    "data/sub/x.json": "../../../../blobs/",
  };
  for (const f of demoFiles()) {
    const p = join(repoDir(), "snapshots", COMMIT_MAIN, ...f.path.split("/"));
    assert.ok(lstatSync(p).isSymbolicLink(), `${f.path} is a symlink`);
    assert.equal(readlinkSync(p), `${expected[f.path]}${etagOf(f)}`);
    assert.deepEqual(readFileSync(p), f.data);
  }
  assert.equal(etagOf(big), sha256(big.data));
  const blobs = readdirSync(join(repoDir(), "blobs")).sort();
  assert.deepEqual(
    blobs,
    [...new Set(demoFiles().map(etagOf))].sort(),
    "one blob per content, no leftovers",
  );
  assert.deepEqual(readdirSync(repoDir()).sort(), ["blobs", "refs", "snapshots", "trees"]);
  assert.ok(existsSync(join(fx.cacheDir, "CACHEDIR.TAG")));
  // two paths with the same bytes: one body request for them
  assert.equal(fx.hub.bodyRequests.length, 4);
  assert.ok(r.files.every((f) => f.state === "downloaded"));
  assert.deepEqual(
    r.files.map((f) => f.path),
    ["README.md", "big.bin", "data/copy.jsonl", "data/sub/x.json", "data/train.jsonl"],
  );

  fx.hub.resetCounters();
  const again = await downloadMatchingFiles(demo, fx.options());
  assert.equal(fx.hub.bodyRequests.length, 0, "no file body is requested the second time");
  assert.equal(fx.hub.bytesSent, 0);
  assert.deepEqual(
    fx.hub.log.map((l) => l.url.replace(/\?.*/, "")),
    ["/api/datasets/t3kit/demo/revision/main"],
    "only: which commit is main now (the listing comes from trees/<commit>.json)",
  );
  assert.ok(again.files.every((f) => f.state === "cached"));
});

test("a revision is resolved to its commit; files shared with another commit are linked, not fetched", async () => {
  fx.hub.resetCounters();
  const r = await downloadMatchingFiles(demo, { ...fx.options(), revision: "v1" });
  assert.equal(r.commit, COMMIT_V1);
  assert.equal(readFileSync(join(repoDir(), "refs", "v1"), "utf8"), COMMIT_V1);
  // only README.md differs between v1 and main
  assert.equal(fx.hub.bodyRequests.length, 1);
  assert.equal(readFileSync(join(r.snapshotDir, "README.md"), "utf8"), "# demo v1\n");
  assert.ok(r.files.filter((f) => f.path !== "README.md").every((f) => f.state === "linked"));
  // a commit sha needs no ref file
  await downloadMatchingFiles(demo, { ...fx.options(), revision: COMMIT_V1 });
  assert.ok(!existsSync(join(repoDir(), "refs", COMMIT_V1)));
});

test("--files globs follow fnmatch (allow_patterns); no match is an error naming the pattern", async () => {
  const r = await downloadMatchingFiles(demo, { ...fx.options(), files: ["data/*.jsonl"] });
  assert.deepEqual(
    r.files.map((f) => f.path),
    ["data/copy.jsonl", "data/train.jsonl"],
  );
  const folder = await downloadMatchingFiles(demo, { ...fx.options(), files: ["data/"] });
  assert.equal(folder.files.length, 3);
  await assert.rejects(
    downloadMatchingFiles(demo, { ...fx.options(), files: ["*.parquet"] }),
    /no file matches \*\.parquet/,
  );
});

test("a dropped connection resumes with Range: fewer than 2x the file's bytes cross the wire", async () => {
  const dir = join(fx.cacheDir, "resume1");
  fx.hub.bodyFaults.push({ kind: "drop", afterBytes: 1_200_000 });
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  const r = await downloadMatchingFiles(demo, { ...opts, files: ["big.bin"] });
  const bodies = fx.hub.bodyRequests;
  assert.equal(bodies.length, 2);
  assert.equal(bodies[0].range, undefined);
  // The property, not an offset: under load fewer than the 1.2 MB sent may have reached
  // the disk when the connection dropped. The resume asks for what the disk lacks, and
  // only that crosses the wire again.
  const resumedAt = Number(/^bytes=(\d+)-$/.exec(bodies[1].range ?? "")?.[1]);
  assert.ok(resumedAt > 0 && resumedAt <= 1_200_000, `resumed at ${bodies[1].range}`);
  assert.equal(fx.hub.bytesSent, 1_200_000 + (BIG_SIZE - resumedAt));
  assert.ok(fx.hub.bytesSent < 2 * BIG_SIZE, `${fx.hub.bytesSent} bytes sent`);
  assert.deepEqual(readFileSync(r.files[0].localPath), big.data);
  assert.ok(fx.notices.some((n) => /connection dropped/.test(n)));
});

test("a download whose bytes stop coming fails that try after the try's deadline and resumes", async () => {
  const dir = join(fx.cacheDir, "stall");
  fx.hub.bodyFaults.push({ kind: "stall", afterBytes: 1_000_000 });
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  opts.retry = { ...opts.retry!, tryTimeoutMs: 400, deadlineMs: 500 };
  const r = await downloadMatchingFiles(demo, { ...opts, files: ["big.bin"] });
  assert.deepEqual(readFileSync(r.files[0].localPath), big.data);
  const bodies = fx.hub.bodyRequests;
  assert.equal(bodies.length, 2);
  assert.match(bodies[1].range ?? "", /^bytes=\d+-$/);
  assert.ok(
    fx.notices.some((n) =>
      /big\.bin@\w+: no byte came for 400 ms \(at \d+ of 3145745 bytes\); retry 1 of 3/.test(n),
    ),
    fx.notices.join("\n"),
  );
});

test("a 206 whose Content-Range starts at another byte than asked is taken from byte 0", async () => {
  const dir = join(fx.cacheDir, "resume-wrong-start");
  const blobs = join(dir, "datasets--t3kit--demo", "blobs");
  mkdirSync(blobs, { recursive: true });
  writeFileSync(join(blobs, `${etagOf(big)}.incomplete`), big.data.subarray(0, 1_000_000));
  fx.hub.bodyFaults.push({ kind: "range-from-zero" });
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  await downloadMatchingFiles(demo, { ...opts, files: ["big.bin"] });
  // One request: the body is the whole file from byte 0, kept as such (not appended).
  assert.deepEqual(
    fx.hub.bodyRequests.map((b) => b.range),
    ["bytes=1000000-"],
  );
  assert.deepEqual(readFileSync(join(blobs, etagOf(big))), big.data);
});

test("an .incomplete left by an earlier run is resumed from its length", async () => {
  const dir = join(fx.cacheDir, "resume2");
  const blobs = join(dir, "datasets--t3kit--demo", "blobs");
  mkdirSync(blobs, { recursive: true });
  writeFileSync(join(blobs, `${etagOf(big)}.incomplete`), big.data.subarray(0, 1_000_000));
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  await downloadMatchingFiles(demo, { ...opts, files: ["big.bin"] });
  assert.deepEqual(
    fx.hub.bodyRequests.map((b) => b.range),
    ["bytes=1000000-"],
  );
  assert.equal(fx.hub.bytesSent, BIG_SIZE - 1_000_000);
  assert.deepEqual(readFileSync(join(blobs, etagOf(big))), big.data);
  assert.ok(!existsSync(join(blobs, `${etagOf(big)}.incomplete`)));
});

test("a corrupted body never lands in blobs/: it is fetched again, and a second bad body fails", async () => {
  const dir = join(fx.cacheDir, "corrupt");
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  const blobs = join(dir, "datasets--t3kit--demo", "blobs");
  fx.hub.bodyFaults.push({ kind: "corrupt" });
  await downloadMatchingFiles(demo, { ...opts, files: ["big.bin"] });
  assert.deepEqual(readFileSync(join(blobs, etagOf(big))), big.data);
  assert.ok(fx.notices.some((n) => /checksum mismatch/.test(n)));

  const dir2 = join(fx.cacheDir, "corrupt2");
  const opts2 = fx.options();
  opts2.config!.cacheDir = dir2;
  fx.hub.bodyFaults.push({ kind: "corrupt" }, { kind: "corrupt" });
  await assert.rejects(
    downloadMatchingFiles(demo, { ...opts2, files: ["big.bin"] }),
    (err: Error) => {
      assert.ok(err instanceof HubError);
      assert.match(
        err.message,
        /do not match the Hub's checksum \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\); nothing was stored/,
      );
      return true;
    },
  );
  const left = existsSync(join(dir2, "datasets--t3kit--demo", "blobs"))
    ? readdirSync(join(dir2, "datasets--t3kit--demo", "blobs"))
    : [];
  assert.deepEqual(left, [], "no blob and no .incomplete");
  assert.ok(
    !existsSync(join(dir2, "datasets--t3kit--demo", "refs", "main")),
    "no ref to a snapshot that failed",
  );
  assert.ok(!existsSync(join(dir2, "datasets--t3kit--demo", "snapshots", COMMIT_MAIN, "big.bin")));

  // a corrupted git file is caught by its git sha1
  const dir3 = join(fx.cacheDir, "corrupt3");
  const opts3 = fx.options();
  opts3.config!.cacheDir = dir3;
  fx.hub.bodyFaults.push({ kind: "corrupt" }, { kind: "corrupt" });
  await assert.rejects(downloadMatchingFiles(demo, { ...opts3, files: ["README.md"] }), /git-sha1/);
});

test("500 then 200 and 429 with Retry-After are retried; the API is retried too", async () => {
  const dir = join(fx.cacheDir, "retry");
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  fx.hub.apiFaults.push({ kind: "status", status: 503 });
  fx.hub.bodyFaults.push(
    { kind: "status", status: 500 },
    { kind: "status", status: 429, retryAfter: "0" },
  );
  const r = await downloadMatchingFiles(demo, { ...opts, files: ["README.md"] });
  assert.equal(readFileSync(r.files[0].localPath, "utf8"), "# demo\n");
  assert.equal(fx.hub.bodyRequests.length, 3);
  assert.ok(fx.notices.some((n) => /HTTP 503/.test(n)));
  assert.ok(fx.notices.some((n) => /HTTP 500/.test(n)));
  assert.ok(fx.notices.some((n) => /HTTP 429/.test(n)));
});

test("retries stop after the policy's attempts with the status in the message", async () => {
  const dir = join(fx.cacheDir, "retry-fail");
  const opts = fx.options();
  opts.config!.cacheDir = dir;
  for (let i = 0; i < 4; i++) fx.hub.bodyFaults.push({ kind: "status", status: 502 });
  await assert.rejects(downloadMatchingFiles(demo, { ...opts, files: ["README.md"] }), /HTTP 502/);
  assert.equal(fx.hub.bodyRequests.length, 4);
});

test("401 on a gated repo says to set HF_TOKEN; with the token it downloads", async () => {
  const gated = parseRepoRef("datasets/t3kit/gated");
  await assert.rejects(downloadMatchingFiles(gated, fx.options()), (err: Error) => {
    assert.ok(err instanceof HubError);
    assert.equal(err.status, 401);
    assert.match(
      err.message,
      /^datasets\/t3kit\/gated\/a\.json@main: 401 Unauthorized: a gated repository.*Set HF_TOKEN/,
    );
    return true;
  });
  const r = await downloadMatchingFiles(gated, fx.options({ token: "hf_standintoken" }));
  assert.equal(readFileSync(r.files[0].localPath, "utf8"), "[1]");
  assert.ok(
    fx.hub.log
      .filter((l) => l.url.includes("/resolve/"))
      .every((l) => l.authorization === undefined || l.authorization === "Bearer hf_standintoken"),
  );
});

test("404s name what is missing: the repository, the revision", async () => {
  await assert.rejects(
    downloadMatchingFiles(parseRepoRef("t3kit/nope"), fx.options()),
    (err: Error) => {
      assert.match(err.message, /^datasets\/t3kit\/nope@main: 404 Not Found: no such repository/);
      return true;
    },
  );
  await assert.rejects(
    downloadMatchingFiles(parseRepoRef("t3kit/nope"), { ...fx.options(), typeGuessed: true }),
    /for a model write models\/owner\/name/,
  );
  await assert.rejects(
    downloadMatchingFiles(demo, { ...fx.options(), revision: "v9" }),
    /datasets\/t3kit\/demo@v9: 404 Not Found: no such revision/,
  );
});

test("models live under models--owner--name and resolve without a datasets/ prefix", async () => {
  const r = await downloadMatchingFiles(parseRepoRef("models/t3kit/demo-model"), fx.options());
  assert.ok(r.files[0].localPath.includes(join("models--t3kit--demo-model", "snapshots")));
  assert.ok(fx.hub.log.some((l) => l.url.startsWith("/t3kit/demo-model/resolve/")));
});

test("listings that come in pages (Link: next) are followed", async () => {
  fx.hub.pageSize = 2;
  try {
    const opts = fx.options();
    opts.config!.cacheDir = join(fx.cacheDir, "pages");
    const r = await downloadMatchingFiles(demo, { ...opts, files: ["*"] });
    assert.equal(r.files.length, 5);
    assert.ok(fx.hub.log.filter((l) => l.url.includes("/tree/")).length >= 3);
  } finally {
    fx.hub.pageSize = 1000;
  }
});

test("the token goes to the Hub but not to the LFS host it redirects to", async () => {
  fx.hub.addRepo({
    type: "dataset",
    id: "t3kit/gated-lfs",
    commits: new Map([[COMMIT_V1, [{ path: "w.bin", data: Buffer.alloc(4096, 7), lfs: true }]]]),
    refs: new Map([["main", COMMIT_V1]]),
    token: "hf_standintoken",
    access: "gated",
  });
  fx.hub.lfsHostname = "localhost";
  try {
    const opts = fx.options({ token: "hf_standintoken" });
    await downloadMatchingFiles(parseRepoRef("datasets/t3kit/gated-lfs"), opts);
    const lfs = fx.hub.log.filter((l) => l.url.startsWith("/lfs/"));
    assert.equal(lfs.length, 1);
    assert.equal(lfs[0].authorization, undefined);
    assert.ok(
      fx.hub.log
        .filter((l) => l.url.startsWith("/api/"))
        .every((l) => l.authorization === "Bearer hf_standintoken"),
    );
  } finally {
    fx.hub.lfsHostname = "127.0.0.1";
  }
  await assert.rejects(
    downloadMatchingFiles(
      parseRepoRef("datasets/t3kit/gated-lfs"),
      fx.options({ token: "not-a-token" }),
    ),
    /HF_TOKEN must be a Hugging Face token \(it starts with hf_\)/,
  );
});
