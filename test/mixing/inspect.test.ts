import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { diffMixes, formatNearGroups, inspectMix } from "../../lib/mixing/index";
import { ContaminationIndex } from "../../lib/mixing/inspect/contamination-index";
import { WordHasher } from "../../lib/mixing/inspect/hash-words";
import type { MixInspection } from "../../lib/mixing/inspect/inspect-mix";
import {
  minhashSignature,
  signatureSimilarity,
} from "../../lib/mixing/inspect/near-duplicate-index";
import { writePlantedMix } from "../fixtures/planted-inspect-mix";
import { runPythonJson } from "../oracle/run-python";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", "mix", ...args], { encoding: "utf8" });

for (const threads of [1, 3])
  test(`mix inspect finds every planted duplicate and leak, and nothing else (${threads} thread(s))`, async () => {
    const p = writePlantedMix();
    // Three threads cut the one file into three byte ranges: duplicates and leaks span them.
    const r = await inspectMix([p.mix], { against: [p.validation], threads });
    assert.deepEqual(r.duplicates, [
      { kind: "exact", ids: [p.exactOf, "planted-exact"] },
      { kind: "exact", ids: [p.caseOf, "planted-case"] },
      { kind: "near", ids: [p.wordOf, "planted-word"] },
      // The two planted leaks are one item with two opening sentences: near duplicates too.
      { kind: "near", ids: ["planted-leak-verbatim", "planted-leak-reworded"] },
    ]);
    assert.deepEqual(
      r.contamination.map((f) => [f.id, f.item, f.kind]),
      [
        ["planted-leak-verbatim", p.leakedQid, "verbatim"],
        ["planted-leak-reworded", p.leakedQid, "overlap"],
      ],
    );
    assert.equal(r.contamination[0].score, 1);
    // Another opening sentence: a long item is scored on its sampled grams, which may all
    // lie in the copied body (score 1); the word-run check still tells it from verbatim.
    assert.ok(r.contamination[1].score >= 0.8);
    // The T3 training items share their task's template with the validation items: no flag.
    assert.ok(r.contamination.every((f) => f.id.startsWith("planted-")));
  });

test("mix inspect on threads: the same result as on one, and a bad record named by its place in the file", async () => {
  const p = writePlantedMix();
  const one = await inspectMix([p.mix, p.validation], { against: [p.validation], threads: 1 });
  const four = await inspectMix([p.mix, p.validation], { against: [p.validation], threads: 4 });
  assert.deepEqual(four, one);
  const records = JSON.parse(readFileSync(p.mix, "utf8")) as unknown[];
  const bad = records.length - 3;
  records[bad] = { id: "broken", conversations: [{ from: "human", value: 7 }] };
  const broken = join(mkdtempSync(join(tmpdir(), "t3kit-inspect-threads-")), "mix.json");
  writeFileSync(broken, JSON.stringify(records, null, 2));
  await assert.rejects(inspectMix([broken], { threads: 2 }), (e: Error) => {
    assert.match(e.message, new RegExp(`record ${bad}\\b`));
    return true;
  });
});

// CPython computes the partition and the exact-duplicate groups on its own.
const ORACLE = String.raw`
import json, re, sys, collections
recs = json.load(open(sys.argv[1]))
def part(r):
    conv = r["conversations"]
    img = r.get("image")
    if img is None:
        if len(conv) == 2 and "\n\nCaptions:\n" in conv[0]["value"]:
            return "t3:attribute" if "change" in conv[0]["value"].split("\nQuestion: ")[-1] else "t3:order"
        return "text-only"
    parts = img.lstrip("./").split("/")
    return parts[0] if len(parts) > 1 else "other"
def key(r):
    turns = "\x1f".join(t["from"] + "\x1e" + " ".join(t["value"].lower().split()) for t in r["conversations"])
    return turns + "\x1d" + str(r.get("image"))
comp = collections.Counter(part(r) for r in recs)
groups = collections.defaultdict(list)
for i, r in enumerate(recs):
    groups[key(r)].append(r.get("id", "#%d" % i))
print(json.dumps({"composition": dict(comp), "exact": sorted(g for g in groups.values() if len(g) > 1)}))
`;

test("mix inspect --json: the issue's shape; composition and exact groups as CPython computes them", () => {
  const p = writePlantedMix();
  const r = cli(["inspect", p.mix, "--against", p.validation, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ["records", "composition", "duplicates", "contamination"]);
  for (const c of out.composition) assert.equal(typeof c.source, "string");
  for (const d of out.duplicates) assert.deepEqual(Object.keys(d), ["kind", "ids"]);
  for (const f of out.contamination)
    assert.deepEqual(Object.keys(f), ["id", "against", "item", "kind", "score"]);
  const oracle = runPythonJson<{ composition: Record<string, number>; exact: string[][] }>(
    `${ORACLE.replace("sys.argv[1]", JSON.stringify(p.mix))}`,
  );
  const composition = Object.fromEntries(
    out.composition.map((c: { source: string; records: number }) => [c.source, c.records]),
  );
  assert.deepEqual(composition, oracle.composition);
  assert.equal(
    out.records,
    Object.values(oracle.composition).reduce((s, n) => s + n, 0),
  );
  const exact = out.duplicates
    .filter((d: { kind: string }) => d.kind === "exact")
    .map((d: { ids: string[] }) => d.ids)
    .sort();
  assert.deepEqual(exact, oracle.exact);
});

test("hostile input: CJK, emoji, escapes and control characters; empty files; ids of id-less records", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-inspect-hostile-"));
  const text = '猫が 🐈 "quoted" back\\slash \u0001 ctl\u2028 line 한국어 텍스트 ünïcödé';
  const recs = [
    {
      conversations: [
        { from: "human", value: text },
        { from: "gpt", value: "答え 🎉" },
      ],
    },
    {
      conversations: [
        { from: "human", value: ` ${text.toUpperCase()}\n` },
        { from: "gpt", value: "答え   🎉" },
      ],
    },
    {
      conversations: [
        { from: "human", value: "猫が犬" },
        { from: "gpt", value: "x" },
      ],
    },
  ];
  const mix = join(dir, "hostile.jsonl");
  writeFileSync(mix, `${recs.map((r) => JSON.stringify(r)).join("\n")}\n`);
  const empty = join(dir, "empty.json");
  writeFileSync(empty, "[]");
  const r = await inspectMix([mix]);
  assert.equal(r.records, 3);
  assert.deepEqual(r.duplicates, [{ kind: "exact", ids: ["#0", "#1"] }]);
  assert.deepEqual(
    r.composition.map((c) => [c.source, c.records]),
    [["text-only", 3]],
  );
  const e = await inspectMix([empty]);
  assert.equal(e.records, 0);
  assert.deepEqual(e.composition, []);
  // CJK ideographs are words of their own: 猫が犬 is three words.
  const h = new WordHasher();
  h.add("猫が犬");
  assert.equal(h.count, 3);
});

test("bad records and bad --against files name the file, the record and the field", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-inspect-bad-"));
  const bad = join(dir, "bad.json");
  writeFileSync(
    bad,
    JSON.stringify([
      {
        id: "a",
        conversations: [
          { from: "human", value: "q" },
          { from: "gpt", value: "a" },
        ],
      },
      {
        id: "b",
        conversations: [
          { from: "human", value: 3 },
          { from: "gpt", value: "a" },
        ],
      },
    ]),
  );
  const r = cli(["inspect", bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.json, record 1, field conversations\[0\]\.value: expected a string/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const against = join(dir, "val.jsonl");
  writeFileSync(
    against,
    '{"question": "fine question with enough words in it"}\n{"answer": "x"}\n',
  );
  const good = join(dir, "good.json");
  writeFileSync(good, "[]");
  const a = cli(["inspect", good, "--against", against]);
  assert.equal(a.status, 1);
  assert.match(a.stderr, /val\.jsonl, line 2, field question: missing/);
  // --out inside an input folder is refused before anything is read or written.
  const out = cli(["inspect", dir, "--out", join(dir, "report")]);
  assert.notEqual(out.status, 0, out.stdout);
  assert.match(out.stderr, /--out/);
  assert.deepEqual(readdirSync(dir).sort(), ["bad.json", "good.json", "val.jsonl"]);
});

test("MinHash signatures estimate the Jaccard similarity of word 3-shingles", () => {
  const words = (s: string) => {
    const h = new WordHasher();
    h.add(s);
    return h;
  };
  const base = Array.from({ length: 120 }, (_, i) => `w${(i * 7919) % 1000}`);
  const changed = [...base];
  for (let k = 0; k < 10; k++) changed[k * 12] = `x${k}`;
  const shingles = (ws: string[]) =>
    new Set(ws.slice(2).map((_, i) => ws.slice(i, i + 3).join(" ")));
  const [sa, sb] = [shingles(base), shingles(changed)];
  const jaccard = [...sa].filter((s) => sb.has(s)).length / new Set([...sa, ...sb]).size;
  const a = words(base.join(" "));
  const b = words(changed.join(" "));
  const [ga, gb] = [new Uint32Array(64), new Uint32Array(64)];
  assert.ok(minhashSignature(a.words, a.count, ga));
  assert.ok(minhashSignature(b.words, b.count, gb));
  assert.ok(
    Math.abs(signatureSimilarity(ga, gb) - jaccard) < 0.15,
    `${signatureSimilarity(ga, gb)} vs ${jaccard}`,
  );
  assert.equal(signatureSimilarity(ga, ga), 1);
});

test("mix diff: added, removed and kept per part, matched by content", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-diff-"));
  const rec = (id: string, v: string, image?: string) => ({
    id,
    ...(image ? { image } : {}),
    conversations: [
      { from: "human", value: image ? `<image>\n${v}` : v },
      { from: "gpt", value: v },
    ],
  });
  const a = [rec("1", "one", "coco/1.jpg"), rec("2", "two", "coco/2.jpg"), rec("3", "three")];
  const b = [
    rec("9", "THREE "),
    rec("1", "one", "coco/1.jpg"),
    rec("4", "four", "gqa/4.jpg"),
    rec("5", "five", "gqa/5.jpg"),
  ];
  writeFileSync(join(dir, "a.json"), JSON.stringify(a));
  writeFileSync(join(dir, "b.json"), JSON.stringify(b));
  const d = await diffMixes(join(dir, "a.json"), join(dir, "b.json"));
  assert.deepEqual([d.added, d.removed, d.kept], [2, 1, 2]);
  const row = (s: string) => d.parts.find((p) => p.source === s);
  assert.deepEqual(
    [row("coco")?.kept, row("coco")?.removed, row("coco")?.share_a],
    [1, 1, 0.666667],
  );
  assert.deepEqual([row("gqa")?.added, row("gqa")?.shift], [2, 0.5]);
  assert.equal(row("text-only")?.kept, 1);
  const r = cli(["diff", join(dir, "a.json"), join(dir, "b.json"), "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).kept, 2);
});

test("contamination scores: a short item's share of grams held, exactly; an item anywhere in a record is verbatim", () => {
  const word = (i: number) => `w${(i * 7919) % 100003}`;
  const item = Array.from({ length: 20 }, (_, i) => word(i)).join(" "); // 15 grams: all kept
  const filler = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => word(50_000 + from + i)).join(" ");
  const head = (n: number) => item.split(" ").slice(0, n).join(" ");
  const index = new ContaminationIndex([{ against: "v.jsonl", item: "q0", text: item }], [], 4);
  const records = [
    `${filler(37, 0)} ${item} ${filler(5, 100)}`, // verbatim, not at the start
    `${filler(3, 200)} ${head(14)} ${filler(9, 300)}`, // 9 of 15 grams: 0.6
    `${head(10)} ${filler(9, 400)}`, // 5 of 15 grams: under half
  ];
  const h = new WordHasher();
  records.forEach((text, r) => {
    h.reset();
    h.add(text);
    index.scan(r, h.words, h.count);
  });
  assert.deepEqual(index.hits(), [
    { record: 0, item: 0, kind: "verbatim", score: 1 },
    { record: 1, item: 0, kind: "overlap", score: 0.6 },
  ]);
});

test("contamination scores: an item under 64 grams (one T3 1x item) is scored on every gram, not a sample", () => {
  const word = (i: number) => `v${(i * 7919) % 100003}`;
  const words = Array.from({ length: 68 }, (_, i) => word(i)); // 63 grams
  const index = new ContaminationIndex(
    [{ against: "v.jsonl", item: "q0", text: words.join(" ") }],
    [],
    2,
  );
  const h = new WordHasher();
  // The first 37 words hold 32 of the item's 63 grams: 0.508 exactly, whatever a sample says.
  h.add(
    `${words.slice(0, 37).join(" ")} ${Array.from({ length: 8 }, (_, i) => `z${i}`).join(" ")}`,
  );
  index.scan(0, h.words, h.count);
  assert.deepEqual(index.hits(), [{ record: 0, item: 0, kind: "overlap", score: 0.508 }]);
});

test("contamination: a gram held by more than max(50, 0.1 %) of the mix's records is common, no evidence", () => {
  const word = (i: number) => `u${(i * 7919) % 100003}`;
  const item = Array.from({ length: 20 }, (_, i) => word(i)).join(" "); // 15 grams
  const head = item.split(" ").slice(0, 14).join(" "); // 9 of its grams: 0.6
  const flagged = (mixRecords: number, holding: number) => {
    const index = new ContaminationIndex(
      [{ against: "v.jsonl", item: "q0", text: item }],
      [],
      mixRecords,
    );
    const h = new WordHasher();
    for (let r = 0; r < holding; r++) {
      h.reset();
      h.add(`${head} x${r} y${r} z${r}`);
      index.scan(r, h.words, h.count);
    }
    return index.hits().length;
  };
  // A small mix: the floor of 50 records.
  assert.equal(flagged(1_000, 50), 50);
  assert.equal(flagged(1_000, 51), 0);
  // A large mix: 0.1 % of 200,000 records is 200.
  assert.equal(flagged(200_000, 200), 200);
  assert.equal(flagged(200_000, 201), 0);
});

test("formatNearGroups: the count and the first near group's ids, each without its file (ids may hold colons)", () => {
  const base = {
    files: ["/m/a.json", "/m/b.json"],
    records: 6,
    composition: [],
    contamination: [],
  };
  const ins = {
    ...base,
    duplicates: [
      { kind: "exact", ids: ["/m/a.json:x", "/m/b.json:x"] },
      { kind: "near", ids: ["/m/a.json:gqa:12", "/m/b.json:t3:order:3"] },
      { kind: "near", ids: ["/m/a.json:q", "/m/b.json:r"] },
    ],
  } as unknown as MixInspection;
  assert.equal(formatNearGroups(ins), "2 near-duplicate group(s); the first: gqa:12, t3:order:3");
  const none = { ...base, duplicates: [] } as unknown as MixInspection;
  assert.equal(formatNearGroups(none), "0 near-duplicate group(s); the first: none");
  // One file: ids are not qualified, and are shown whole.
  const one = {
    ...base,
    files: ["/m/a.json"],
    duplicates: [{ kind: "near", ids: ["a:1", "b:2"] }],
  };
  assert.equal(
    formatNearGroups(one as unknown as MixInspection),
    "1 near-duplicate group(s); the first: a:1, b:2",
  );
});
