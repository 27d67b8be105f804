/**
 * The pure parts of lib/hub against independent oracles: Python's fnmatch (python3), git
 * hash-object and sha256sum, and the defaults Python's huggingface_hub documents.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  backoffDelay,
  blobHasher,
  blobLinkTarget,
  dataSource,
  formatFileTable,
  hubConfig,
  matchesAny,
  parseRepoRef,
  parseRetryAfter,
  progressBar,
  progressLine,
  repoFolderName,
  repoTypeGuessed,
} from "../../lib/hub/index";

test("hubConfig: Python huggingface_hub's variables and defaults", () => {
  const d = hubConfig({ HOME: homedir() });
  assert.equal(d.endpoint, "https://huggingface.co");
  assert.equal(d.home, join(homedir(), ".cache", "huggingface"));
  assert.equal(d.cacheDir, join(homedir(), ".cache", "huggingface", "hub"));
  assert.equal(d.offline, false);
  assert.equal(hubConfig({ XDG_CACHE_HOME: "/x" }).cacheDir, "/x/huggingface/hub");
  assert.equal(hubConfig({ HF_HOME: "/h" }).cacheDir, "/h/hub");
  assert.equal(hubConfig({ HF_HOME: "/h", HUGGINGFACE_HUB_CACHE: "/old" }).cacheDir, "/old");
  assert.equal(
    hubConfig({ HF_HOME: "/h", HUGGINGFACE_HUB_CACHE: "/old", HF_HUB_CACHE: "/new" }).cacheDir,
    "/new",
  );
  assert.equal(hubConfig({ HF_ENDPOINT: "http://127.0.0.1:9/" }).endpoint, "http://127.0.0.1:9");
  assert.equal(hubConfig({ HF_HUB_OFFLINE: "1" }).offline, true);
  assert.equal(hubConfig({ HF_HUB_OFFLINE: "TRUE" }).offline, true);
  const home = mkdtempSync(join(tmpdir(), "t3kit-hubcfg-"));
  try {
    writeFileSync(join(home, "token"), "hf_fromfile\n");
    assert.equal(hubConfig({ HF_HOME: home }).token, "hf_fromfile");
    assert.equal(hubConfig({ HF_HOME: home, HF_TOKEN: "hf_env" }).token, "hf_env");
    assert.equal(hubConfig({ HF_HOME: home, HUGGING_FACE_HUB_TOKEN: "hf_old" }).token, "hf_old");
    assert.equal(hubConfig({ HF_HOME: join(home, "none") }).token, undefined);
  } finally {
    rmSync(home, { recursive: true });
  }
});

test("repo references: the released repos know their type; others default to dataset", () => {
  assert.deepEqual(parseRepoRef("lmms-lab/LongVA-7B"), { type: "model", id: "lmms-lab/LongVA-7B" });
  assert.deepEqual(parseRepoRef("MMInstruction/Video-T3-QA"), {
    type: "dataset",
    id: "MMInstruction/Video-T3-QA",
  });
  assert.deepEqual(parseRepoRef("datasets/a/b"), { type: "dataset", id: "a/b" });
  assert.deepEqual(parseRepoRef("models/a/b"), { type: "model", id: "a/b" });
  assert.deepEqual(parseRepoRef("a/b", "model"), { type: "model", id: "a/b" });
  assert.equal(parseRepoRef("a/b").type, "dataset");
  assert.equal(repoTypeGuessed("a/b"), true);
  assert.equal(repoTypeGuessed("lmms-lab/LongVA-7B"), false);
  assert.throws(() => parseRepoRef("models/a/b", "dataset"), /says model but --type says dataset/);
  assert.throws(() => parseRepoRef("a"), /not a repository/);
  assert.equal(
    repoFolderName(parseRepoRef("Lin-Chen/Open-LLaVA-NeXT-mix1M")),
    "datasets--Lin-Chen--Open-LLaVA-NeXT-mix1M",
  );
  assert.equal(
    repoFolderName(parseRepoRef("MMInstruction/Qwen2-VL-72B-Video-T3")),
    "models--MMInstruction--Qwen2-VL-72B-Video-T3",
  );
  assert.equal(blobLinkTarget("a.json", "e"), "../../blobs/e");
  assert.equal(blobLinkTarget("d/e/a.json", "e"), "../../../../blobs/e");
});

test("--files globs match as Python's fnmatch does (python3 is the oracle)", () => {
  const paths = [
    "a.json",
    "data/train.jsonl",
    "data/sub/x.json",
    "README.md",
    "x[1].txt",
    "img/a.png",
    ".hidden",
  ];
  const patterns = [
    "*.json",
    "data/*",
    "data/",
    "*.md",
    "?EADME.md",
    "x[[]1].txt",
    "[!d]*",
    "img/*.png",
    "*",
    "*/x.json",
  ];
  const script = `import fnmatch, json, sys
d = json.load(sys.stdin)
print(json.dumps([[fnmatch.fnmatch(p, (q + "*") if q.endswith("/") else q) for q in d["q"]] for p in d["p"]]))`;
  const want = JSON.parse(
    execFileSync("python3", ["-c", script], {
      input: JSON.stringify({ p: paths, q: patterns }),
    }).toString(),
  );
  const got = paths.map((p) => patterns.map((q) => matchesAny(p, [q])));
  assert.deepEqual(got, want);
});

test("blob checksums equal git hash-object (git files) and sha256sum (LFS files)", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-blob-"));
  try {
    const data = Buffer.from('{"id": "tempqa-order-long-v20"}\n\u00e9');
    const f = join(dir, "f");
    writeFileSync(f, data);
    const gitId = execFileSync("git", ["hash-object", f]).toString().trim();
    const sha = execFileSync("sha256sum", [f]).toString().split(" ")[0];
    const g = blobHasher(gitId, data.length);
    g.update(data.subarray(0, 5));
    g.update(data.subarray(5));
    assert.equal(g.digest(), gitId);
    const s = blobHasher(sha, data.length);
    s.update(data);
    assert.equal(s.digest(), sha);
    assert.throws(() => blobHasher("xyz", 1), /neither a sha256 nor a git sha1/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test("backoff doubles with bounded jitter, honours Retry-After, never exceeds the cap", () => {
  const p = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };
  assert.equal(
    backoffDelay(1, p, undefined, () => 0),
    375,
  );
  assert.equal(
    backoffDelay(3, p, undefined, () => 0.999999),
    2000 * 1.2499995,
  );
  assert.equal(
    backoffDelay(1, p, 7000, () => 0.5),
    7000,
  );
  assert.equal(
    backoffDelay(20, p, undefined, () => 0.5),
    30_000,
  );
  assert.equal(
    backoffDelay(1, p, 120_000, () => 0.5),
    30_000,
  );
  assert.equal(parseRetryAfter("3"), 3000);
  assert.equal(
    parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")),
    5000,
  );
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter("soon"), undefined);
});

test("progress line shows percent, bytes, speed and time left; the file table sizes and kinds", () => {
  assert.equal(
    progressLine("o/n", 820_000_000, 1_640_000_000, 20_000_000, 10),
    "o/n  50% [#####.....] 820 MB / 1.64 GB  20.0 MB/s  eta 41s",
  );
  assert.equal(
    formatFileTable([
      { path: "big.json", size: 1_640_000_000, etag: "e", lfs: true, blobId: "b" },
      { path: "README.md", size: 512, etag: "g", lfs: false, blobId: "g" },
    ]),
    "   size  kind  path\n1.64 GB  lfs   big.json\n  512 B  git   README.md\n1.64 GB  total, 2 files\n",
  );
});

test("dataSource: the embedded default unless T3KIT_SOURCE=hub", () => {
  assert.equal(
    dataSource("mixing", {}),
    "Data: embedded default in data/llava/, data/t3/ (no network). Set T3KIT_SOURCE=hub to use the released files on the Hugging Face Hub.",
  );
  assert.equal(
    dataSource("mixing", { T3KIT_SOURCE: "hub", HF_HOME: "/h" }),
    "Data: Hugging Face Hub https://huggingface.co (anonymous): datasets/MMInstruction/Video-T3-QA (whole repository); datasets/Lin-Chen/Open-LLaVA-NeXT-mix1M/open-llava-next_instruct_mix1M.json. Cached in /h/hub.",
  );
  assert.match(
    dataSource("results", { T3KIT_SOURCE: "hub" }),
    /embedded default in data\/paper\/ \(no network\) \(this stage has no Hub source\)/,
  );
  assert.throws(
    () => dataSource("nope", {}),
    /unknown stage; known: probing, synthesis, mixing, tokens, training, results, evaluation$/,
  );
  // Probing draws its inputs: the same line in both modes, never a Hub download.
  for (const env of [{}, { T3KIT_SOURCE: "hub" }])
    assert.match(dataSource("probing", env), /^Data: probing videos drawn by the kit .*\.$/);
  assert.throws(
    () => dataSource("mixing", { T3KIT_SOURCE: "hf" }),
    /T3KIT_SOURCE: "hf" is not hub or embedded/,
  );
});

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream,
  };
}

test("progress: a TTY gets one line redrawn in place; a log gets a line every interval", () => {
  let t = 0;
  const tty = fakeStream(true);
  const bar = progressBar("o/n", 500, tty.stream, { now: () => t, redrawMs: 100 });
  t = 50;
  bar.received(100); // too soon: not drawn
  t = 1000;
  bar.received(400);
  bar.finish();
  assert.equal(tty.writes.length, 2, "the final state was drawn already");
  assert.ok(tty.writes[0].startsWith("\ro/n 100% "));
  assert.ok(tty.writes[0].endsWith("\x1b[K"));
  assert.match(tty.writes[0], /^\ro\/n 100% \[#+\] 500 B \/ 500 B {2}500 B\/s {2}eta 0s/);
  assert.equal(tty.writes[1], "\n");

  t = 0;
  const log = fakeStream(false);
  const plain = progressBar("o/n", 1000, log.stream, { now: () => t, lineIntervalMs: 10_000 });
  plain.adjust(200); // resumed bytes count as done, not as speed
  for (let i = 1; i <= 8; i++) {
    t = i * 2500;
    plain.received(100);
  }
  plain.finish();
  assert.deepEqual(
    log.writes.map((w) => w.slice(0, 9)),
    ["o/n  60% ", "o/n 100% "],
  );
  assert.ok(log.writes.every((w) => w.endsWith("\n") && !w.includes("\r")));
  const failed = fakeStream(true);
  progressBar("o/n", 10, failed.stream).finish(false);
  assert.deepEqual(failed.writes, [], "nothing drawn, nothing to end");
});
