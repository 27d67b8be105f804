import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  type MixSpec,
  loadMixSpec,
  mixPoints,
  planMix,
  planSpec,
  runMix,
  validateMixSpec,
} from "../../lib/mixing/index";
import { dataDir } from "../../lib/paths/index";
import { PythonRandom } from "../../lib/pyrandom/index";
import { runPython } from "../oracle/run-python";

function specError(raw: unknown): InputError {
  try {
    validateMixSpec(raw, "s.yaml");
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  throw new Error("expected an InputError");
}

const src = (extra: Record<string, unknown> = {}) => ({
  name: "a",
  kind: "t3",
  path: "x.json",
  count: 5,
  ...extra,
});

test("spec errors name the field path", () => {
  assert.equal(
    specError({ name: "m", sources: [src({ fraction: 0.5 })] }).location.field,
    "sources[0]",
  );
  assert.match(
    specError({ name: "m", sources: [src({ fraction: 0.5 })] }).message,
    /exactly one of count, fraction, proportion/,
  );
  assert.equal(
    specError({ name: "m", sources: [src({ colour: 1 })] }).location.field,
    "sources[0].colour",
  );
  assert.equal(
    specError({ name: "m", output: { format: "parquet" }, sources: [src()] }).location.field,
    "output.format",
  );
  assert.equal(
    specError({ name: "m", sources: [src({ count: undefined, proportion: 0.5 })] }).location.field,
    "total",
  );
  assert.equal(
    specError({ name: "m", sources: [src({ count: "ratio", ratioOf: "zz" })], ratio: 1 }).location
      .field,
    "sources[0].ratioOf",
  );
  assert.equal(
    specError({ name: "m", sources: [src({ count: { tokens: -1 } })] }).location.field,
    "sources[0].count.tokens",
  );
  assert.equal(
    specError({ name: "m", sources: [src({ kind: "csv" })] }).location.field,
    "sources[0].kind",
  );
  assert.equal(specError({ name: "m", sources: [src(), src()] }).location.field, "sources[1].name");
  assert.equal(specError({ name: "m", sources: [src({ count: "per" })] }).location.field, "per");
  assert.equal(
    specError({ name: "m", sweep: { total: [] }, sources: [src()] }).location.field,
    "sweep.total",
  );
  assert.equal(
    specError({ name: "m", sources: [src({ count: -1 })] }).location.field,
    "sources[0].count",
  );
});

function spec(sources: Record<string, unknown>[], extra: Record<string, unknown> = {}): MixSpec {
  return validateMixSpec({ name: "m", sources, ...extra });
}

test("plans: lRatio rule, ratios, proportions and every exhaustion rule", () => {
  const s = spec(
    [
      { name: "t1", kind: "t3", path: "a", count: "per" },
      { name: "t2", kind: "t3", path: "b", count: "per" },
      { name: "img", kind: "llava", path: "c", count: "lRatio" },
    ],
    { per: 100, lRatio: 2 },
  );
  const p = planMix(s, mixPoints(s)[0], [150, 40, 1000]);
  assert.deepEqual(
    p.sources.map((x) => [x.requested, x.takes]),
    [
      [100, 100],
      [100, 40],
      [400, 400],
    ],
  );
  assert.ok(p.ok);

  const ex = (extra: Record<string, unknown>, holds: number) =>
    planMix(spec([{ name: "a", kind: "t3", path: "a", count: 50, ...extra }]), { label: "" }, [
      holds,
    ]).sources[0];
  assert.match(ex({}, 20).status, /asks 50 but holds 20/);
  assert.equal(ex({ onExhausted: "truncate" }, 20).takes, 20);
  assert.match(ex({ onExhausted: "repeat" }, 20).status, /needs 3 passes/);
  assert.deepEqual(
    [
      ex({ onExhausted: "repeat", maxRepeats: 3 }, 20).takes,
      ex({ onExhausted: "repeat", maxRepeats: 3 }, 20).passes,
    ],
    [50, 3],
  );
  assert.equal(ex({ replacement: true }, 20).takes, 50);
  assert.match(ex({ replacement: true, maxRepeats: 2 }, 20).status, /maxRepeats 2/);

  const r = spec(
    [
      { name: "t3", kind: "t3", path: "a", fraction: 0.5 },
      { name: "video", kind: "llava", path: "b", count: "ratio", ratioOf: "t3" },
      { name: "p", kind: "t3", path: "c", proportion: 0.25 },
    ],
    { sweep: { ratio: [0.2, 2] }, total: 1000 },
  );
  const plans = mixPoints(r).map((pt) => planMix(r, pt, [100, 10000, 1000]));
  assert.deepEqual(
    plans.map((x) => x.point.label),
    ["ratio0.2", "ratio2"],
  );
  assert.deepEqual(
    plans.map((x) => x.sources.map((y) => y.takes)),
    [
      [50, 10, 250],
      [50, 100, 250],
    ],
  );
});

function tempSpec(body: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-spec-"));
  const file = join(dir, "spec.json");
  writeFileSync(file, JSON.stringify(body));
  return file;
}

const EMBEDDED = {
  vars: { t3: "{data}/t3", llava: "{data}/llava/llava-sample.json" },
  sources: [
    { name: "order", kind: "t3", path: "{t3}/temp_qa_order_train_long.json", count: 20 },
    {
      name: "attr",
      kind: "t3",
      path: "{t3}/temp_qa_attribute_train_long.json",
      count: 50,
      onExhausted: "repeat",
      maxRepeats: 2,
    },
    { name: "llava", kind: "llava", path: "{llava}", fraction: 0.25 },
  ],
};

test("a run writes mix, holdout and manifest; the same spec twice gives the same bytes", async () => {
  const file = tempSpec({ name: "det", seed: 7, holdout: { count: 5 }, ...EMBEDDED });
  const s = loadMixSpec(file);
  const outA = mkdtempSync(join(tmpdir(), "t3kit-runA-"));
  const outB = mkdtempSync(join(tmpdir(), "t3kit-runB-"));
  const [a] = await runMix(s, { specFile: file, outDir: outA });
  const [b] = await runMix(loadMixSpec(file), { specFile: file, outDir: outB });
  assert.equal(a.plan.concatenated, 20 + 50 + 30);
  assert.equal(a.plan.mixRecords, 95);
  for (const f of ["det.json", "det.holdout.json", "det.manifest.json"]) {
    assert.ok(
      readFileSync(join(outA, f)).equals(readFileSync(join(outB, f))),
      `${f} differs between runs`,
    );
  }
  const manifest = JSON.parse(readFileSync(a.manifestFile, "utf8"));
  assert.deepEqual(
    manifest.inputs.map((i: { inMix: number; inHoldout: number }) => i.inMix + i.inHoldout),
    [20, 50, 30],
  );
  assert.equal(manifest.output.sha256, a.sha256);
  assert.match(manifest.inputs[0].files[0].sha256, /^[0-9a-f]{64}$/);
  assert.equal(manifest.seed, 7);
  // Python sees 95 + 5 records, no record in both files, and the repeat pass's copies.
  const py = runPython(
    `import json,sys,collections\nm=json.load(open(sys.argv[1]));h=json.load(open(sys.argv[2]))\nids=[r["id"] for r in m]\nprint(len(m),len(h),len(set(ids)&set(r["id"] for r in h)),max(collections.Counter(ids).values()))`
      .replace("sys.argv[1]", JSON.stringify(a.file))
      .replace("sys.argv[2]", JSON.stringify(a.holdoutFile)),
  );
  const [n, nh, , maxCopies] = py.trim().split(" ").map(Number);
  assert.deepEqual([n, nh], [95, 5]);
  assert.ok(maxCopies <= 2);
});

test("jsonl and compact outputs are what Python's json.dumps writes for the same records", async () => {
  const outs: Record<string, string> = {};
  for (const format of ["llava-json", "jsonl", "json-compact"]) {
    const file = tempSpec({ name: `f-${format}`, seed: 3, output: { format }, ...EMBEDDED });
    const [r] = await runMix(loadMixSpec(file), {
      specFile: file,
      outDir: mkdtempSync(join(tmpdir(), "t3kit-fmt-")),
    });
    outs[format] = r.file;
  }
  const py = `import json\nrecs=json.load(open(${JSON.stringify(outs["llava-json"])}))\nopen(${JSON.stringify(`${outs["llava-json"]}.py.jsonl`)},"w").write("".join(json.dumps(r)+"\\n" for r in recs))\nopen(${JSON.stringify(`${outs["llava-json"]}.py.compact`)},"w").write(json.dumps(recs,separators=(",",":")))`;
  runPython(py);
  assert.ok(readFileSync(outs.jsonl).equals(readFileSync(`${outs["llava-json"]}.py.jsonl`)));
  assert.ok(
    readFileSync(outs["json-compact"]).equals(readFileSync(`${outs["llava-json"]}.py.compact`)),
  );
});

test("checks: <image> tags against images, image files, and nothing written on failure", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-chk-"));
  const bad = join(dir, "bad.json");
  writeFileSync(
    bad,
    JSON.stringify([
      {
        id: "ok",
        image: "a.jpg",
        conversations: [
          { from: "human", value: "<image>\nq" },
          { from: "gpt", value: "a" },
        ],
      },
      {
        id: "two-tags",
        image: "b.jpg",
        conversations: [
          { from: "human", value: "<image> <image>\nq" },
          { from: "gpt", value: "a" },
        ],
      },
    ]),
  );
  const file = tempSpec({
    name: "chk",
    shuffle: false,
    sources: [{ name: "l", kind: "llava", path: bad, count: 2 }],
  });
  const out = join(dir, "out");
  await assert.rejects(runMix(loadMixSpec(file), { specFile: file, outDir: out }), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.location.file, bad);
    assert.equal(e.location.record, 1);
    assert.equal(e.location.field, "image");
    assert.match(e.message, /2 <image> tag\(s\) but 1 image/);
    return true;
  });
  const file2 = tempSpec({
    name: "chk2",
    checks: { imageRoot: dir },
    sources: [{ name: "l", kind: "llava", path: bad, count: 1 }],
  });
  await assert.rejects(
    runMix(loadMixSpec(file2), { specFile: file2, outDir: out }),
    /no file .*\.jpg/,
  );
  assert.throws(() => readdirSync(out));
});

test("HotpotQA records become LLaVA records: shuffled Title/Content paragraphs, then the question; word filter", async () => {
  const file = tempSpec({
    name: "hp",
    shuffle: false,
    sources: [
      {
        name: "hotpotqa",
        kind: "hotpotqa",
        path: join(dataDir, "hotpotqa", "hotpot-sample.json"),
        fraction: 1,
        maxWords: 60,
      },
    ],
  });
  const [plan] = await planSpec(loadMixSpec(file), { specFile: file });
  const raw = JSON.parse(readFileSync(join(dataDir, "hotpotqa", "hotpot-sample.json"), "utf8"));
  const [r] = await runMix(loadMixSpec(file), {
    specFile: file,
    outDir: mkdtempSync(join(tmpdir(), "t3kit-hp-")),
  });
  const recs = JSON.parse(readFileSync(r.file, "utf8"));
  assert.equal(recs.length, plan.sources[0].holds);
  assert.ok(
    recs.length > 0 && recs.length < raw.length,
    "the 60-word filter drops the long records",
  );
  const first = recs[0];
  const source = raw.find((x: { _id: string }) => `hotpotqa-${x._id}` === first.id);
  const human: string = first.conversations[0].value;
  assert.ok(human.endsWith(`\n\nQuestion: ${source.question}`));
  for (const [title, sents] of source.context)
    assert.ok(human.includes(`Title: ${title}\nContent: ${sents.join("").trim()}`));
  assert.equal(first.conversations[1].value, source.answer);
  // The paragraph order is a seeded shuffle: Python's random.shuffle with the spec's seed.
  const rng = new PythonRandom(1234);
  const idx = source.context.map((_: unknown, k: number) => k);
  for (const x of raw) {
    const order = x.context.map((_: unknown, k: number) => k);
    rng.shuffle(order);
    if (x._id === source._id) idx.splice(0, idx.length, ...order);
  }
  const titles = [...human.matchAll(/Title: (.*)\n/g)].map((m) => m[1]);
  assert.deepEqual(
    titles,
    idx.map((k: number) => source.context[k][0]),
  );
});

test("a hub: source is fetched through lib/hub; offline and uncached, the plan says why", async () => {
  const file = tempSpec({
    name: "hub",
    sources: [
      {
        name: "qa",
        kind: "t3",
        path: "hub:MMInstruction/Video-T3-QA/temp_qa_order_train_long.json",
        count: 1,
      },
    ],
  });
  const cache = mkdtempSync(join(tmpdir(), "t3kit-hubcache-"));
  const saved = { ...process.env };
  process.env.HF_HUB_OFFLINE = "1";
  process.env.HF_HUB_CACHE = cache;
  process.env.HF_HOME = cache;
  try {
    const [plan] = await planSpec(loadMixSpec(file), { specFile: file });
    assert.equal(plan.ok, false);
    assert.equal(plan.sources[0].holds, null);
    assert.match(plan.sources[0].status, /offline|cache|HF_HUB_OFFLINE/i);
  } finally {
    process.env = saved;
  }
});

test("every shipped spec validates, and each TempCompass spec names a row with reported scores", () => {
  const rows = JSON.parse(
    readFileSync(join(dataDir, "paper", "tempcompass.json"), "utf8"),
  ).rows.map((r: { label: string }) => r.label);
  const dirs = ["mixes", "mixes/tempcompass", "mixes/sweeps"].map((d) => join(dataDir, d));
  let n = 0;
  for (const d of dirs) {
    for (const f of readdirSync(d).filter((x) => x.endsWith(".yaml"))) {
      const s = loadMixSpec(join(d, f));
      n++;
      if (d.endsWith("tempcompass")) {
        assert.ok(
          s.paper && rows.includes(s.paper.row),
          `${f}: row ${s.paper?.row} not in tempcompass.json`,
        );
      }
    }
  }
  assert.equal(n, 14 + 4 + 2); // + released-t3-all-lratio2 and token-budget-demo
});
