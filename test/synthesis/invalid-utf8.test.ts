// Defect 3: invalid UTF-8 must never become U+FFFD in training data. Every stage rejects
// it with the same rule, naming the file, the line and the byte offset; Python's strict
// decoder is the oracle for where the first bad byte is.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runPython } from "../oracle/run-python";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

/** The embedded captions with one bad byte sequence put into the caption on `line` (1-based). */
function captionsWithBadBytes(bad: Buffer, line: number): { body: Buffer; offset: number } {
  const lines = readFileSync("data/captions/embedded-captions.jsonl", "utf8").split("\n");
  const before = Buffer.from(`${lines.slice(0, line - 1).join("\n")}\n`);
  const target = lines[line - 1];
  const cut = target.indexOf("The ") + 4;
  const body = Buffer.concat([
    before,
    Buffer.from(target.slice(0, cut)),
    bad,
    Buffer.from(`${target.slice(cut)}\n${lines.slice(line).join("\n")}`),
  ]);
  return { body, offset: before.length + Buffer.byteLength(target.slice(0, cut)) };
}

function pythonBadOffset(file: string): number {
  return Number(
    runPython(
      `import sys\ntry:\n open(sys.argv[1] if len(sys.argv)>1 else ${JSON.stringify(file)},'rb').read().decode('utf-8')\n print(-1)\nexcept UnicodeDecodeError as e:\n print(e.start)`,
    ).trim(),
  );
}

for (const [label, bad] of [
  ["a lone continuation byte", Buffer.from([0x80])],
  ["a truncated 3-byte sequence", Buffer.from([0xe6, 0x97])],
  ["an overlong encoding", Buffer.from([0xc0, 0xaf])],
  ["a UTF-16 surrogate", Buffer.from([0xed, 0xa0, 0x80])],
] as const) {
  test(`synthesize rejects captions with ${label}, naming file, line and byte`, () => {
    const dir = mkdtempSync(join(tmpdir(), "t3kit-utf8-"));
    const captions = join(dir, "captions.jsonl");
    const { body, offset } = captionsWithBadBytes(bad, 37);
    writeFileSync(captions, body);
    assert.equal(pythonBadOffset(captions), offset, "the oracle sees the bad byte where we put it");
    const out = join(dir, "out");
    const r = cli([
      "synthesize",
      "--captions",
      captions,
      "--out",
      out,
      "--tasks",
      "order",
      "--lengths",
      "1",
    ]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.ok(r.stderr.includes(`${captions}, line 37`), r.stderr);
    assert.match(r.stderr, new RegExp(`invalid UTF-8 at byte ${offset}\\b`));
    assert.deepEqual(readdirSync(dir), ["captions.jsonl"]);
  });
}

test("synthesize rejects a JSON-array caption file with invalid UTF-8 (line and byte)", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-utf8-"));
  const captions = join(dir, "recap.json");
  const recs = readFileSync("data/captions/embedded-captions.jsonl", "utf8")
    .trim()
    .split("\n")
    .slice(0, 200)
    .map((l) => JSON.parse(l))
    .map((c) => ({
      id: c.id,
      conversations: [
        { from: "human", value: "<image>" },
        { from: "gpt", value: c.caption },
      ],
    }));
  const text = `[\n${recs.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  const at = text.indexOf("The", text.indexOf('"t3kit-000120"'));
  const body = Buffer.concat([
    Buffer.from(text.slice(0, at)),
    Buffer.from([0xff]),
    Buffer.from(text.slice(at)),
  ]);
  writeFileSync(captions, body);
  const offset = Buffer.byteLength(text.slice(0, at));
  assert.equal(pythonBadOffset(captions), offset);
  const r = cli([
    "synthesize",
    "--captions",
    captions,
    "--out",
    join(dir, "out"),
    "--tasks",
    "order",
    "--lengths",
    "1",
  ]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const line = text.slice(0, at).split("\n").length;
  assert.ok(r.stderr.includes(`${captions}, line ${line}`), r.stderr);
  assert.match(r.stderr, new RegExp(`invalid UTF-8 at byte ${offset}\\b`));
});

test("mixing and tokens name the same byte offset for the same bad bytes", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-utf8-"));
  const file = join(dir, "mix.jsonl");
  const good =
    '{"id": "a", "conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "ok"}]}\n';
  const body = Buffer.concat([
    Buffer.from(good + good.slice(0, 60)),
    Buffer.from([0xc3, 0x28]),
    Buffer.from(good.slice(60)),
  ]);
  writeFileSync(file, body);
  const offset = Buffer.byteLength(good) + 60;
  assert.equal(pythonBadOffset(file), offset);
  const r = cli(["tokens", "count", "--tokenizer", "words", "--workers", "0", file]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.ok(r.stderr.includes(`${file}, line 2`), r.stderr);
  assert.match(r.stderr, new RegExp(`invalid UTF-8 at byte ${offset}\\b`));
  const spec = join(dir, "spec.yaml");
  writeFileSync(
    spec,
    "name: m\nsources:\n  - name: l\n    kind: llava\n    path: mix.jsonl\n    count: 1\n",
  );
  const m = cli(["mix", "run", spec, "--out", join(dir, "out")]);
  assert.equal(m.status, 1, m.stdout + m.stderr);
  assert.ok(m.stderr.includes(`${file}, line 2`), m.stderr);
  assert.match(m.stderr, new RegExp(`invalid UTF-8 at byte ${offset}\\b`));
});
