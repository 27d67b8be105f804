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
import { retryDelayMs } from "../../lib/http/index";
import {
  DEFAULT_RETRY,
  blobHasher,
  blobLinkTarget,
  dataSource,
  formatFileTable,
  hubConfig,
  isRetryableStatus,
  matchesAny,
  parseRepoRef,
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

test("the Hub's retries: 5 tries, waits from 0.5 s doubled, jitter ×[0.75, 1.25), at most 30 s, 30 s a try, 2 min a call", () => {
  assert.deepEqual(DEFAULT_RETRY, {
    tries: 5,
    firstDelayMs: 500,
    maxDelayMs: 30_000,
    jitter: 0.25,
    maxRetryAfterSeconds: 30,
    tryTimeoutMs: 30_000,
    deadlineMs: 120_000,
  });
  const p = DEFAULT_RETRY;
  assert.equal(
    retryDelayMs(1, p, undefined, () => 0),
    375,
  );
  assert.equal(
    retryDelayMs(3, p, undefined, () => 0.999999),
    2000 * 1.2499995,
  );
  assert.equal(
    retryDelayMs(1, p, 7, () => 0.5),
    7000,
  );
  assert.equal(
    retryDelayMs(20, p, undefined, () => 0.5),
    30_000,
  );
  assert.equal(
    retryDelayMs(1, p, 120, () => 0.5),
    30_000,
  );
  // 429 and 5xx are retried, except 501 (not implemented: retrying cannot help).
  assert.deepEqual(
    [400, 404, 408, 429, 500, 501, 502, 503, 504, 599].filter(isRetryableStatus),
    [429, 500, 502, 503, 504, 599],
  );
});

test("the file table shows sizes, kinds and a total", () => {
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
