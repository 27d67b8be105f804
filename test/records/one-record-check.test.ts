// Defect 4: one record check for every stage. `mix reference` must not copy records that
// `mix run` refuses (a number where a string belongs, a gpt-first conversation, no gpt
// turn), `mix plan` must refuse what `mix run` refuses, and tokens the same records.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], { encoding: "utf8" });

const sample = JSON.parse(readFileSync("data/llava/llava-sample.json", "utf8")) as object[];

/** The sample with record 57 replaced by `bad`, as a JSON array file in a new folder. */
function llavaWith(bad: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-record-check-"));
  const records = [...sample];
  records[57] = bad as object;
  const file = join(dir, "llava.json");
  writeFileSync(file, JSON.stringify(records, null, 1));
  return { dir, file };
}

const BAD: [string, unknown, RegExp][] = [
  [
    "a number where a string belongs",
    {
      id: "n",
      conversations: [
        { from: "human", value: "hi" },
        { from: "gpt", value: 42 },
      ],
    },
    /record 57, field conversations\[1\]\.value: .*string/,
  ],
  [
    "a gpt-first conversation",
    {
      id: "g",
      conversations: [
        { from: "gpt", value: "hi" },
        { from: "human", value: "x" },
      ],
    },
    /record 57, field conversations\[0\]\.from: .*human/,
  ],
  [
    "no gpt turn",
    { id: "h", conversations: [{ from: "human", value: "hi" }] },
    /record 57, field conversations: .*gpt/,
  ],
  ["an empty conversation", { id: "e", conversations: [] }, /record 57, field conversations: /],
];

for (const [what, bad, message] of BAD) {
  test(`mix reference, mix plan and mix run all refuse ${what}`, () => {
    const { dir, file } = llavaWith(bad);
    const out = join(dir, "out");
    const ref = cli(["mix", "reference", "--llava", file, "--t3-dir", "data/t3", "--out", out]);
    assert.equal(ref.status, 1, ref.stdout + ref.stderr);
    assert.match(ref.stderr, message);
    assert.ok(ref.stderr.includes(file), ref.stderr);
    assert.deepEqual(readdirSync(dir), ["llava.json"], "mix reference wrote something");

    const spec = join(dir, "spec.yaml");
    writeFileSync(
      spec,
      "name: m\nsources:\n  - name: l\n    kind: llava\n    path: llava.json\n    count: 120\n",
    );
    const plan = cli(["mix", "plan", spec]);
    const run = cli(["mix", "run", spec, "--out", out]);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, message);
    assert.equal(plan.status, 1, `plan said ok where run failed:\n${plan.stdout}`);
    assert.match(plan.stdout, message);
    const tokens = cli(["tokens", "count", "--tokenizer", "words", "--workers", "0", file]);
    assert.equal(tokens.status, 1, tokens.stderr);
    assert.match(tokens.stderr, message);
  });
}

test("mix plan refuses the <image> tag mismatch that mix run refuses", () => {
  const { dir } = llavaWith({
    id: "t",
    image: "a.jpg",
    conversations: [
      { from: "human", value: "no tag" },
      { from: "gpt", value: "x" },
    ],
  });
  const spec = join(dir, "spec.yaml");
  writeFileSync(
    spec,
    "name: m\nsources:\n  - name: l\n    kind: llava\n    path: llava.json\n    count: 120\n",
  );
  const run = cli(["mix", "run", spec, "--out", join(dir, "out")]);
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /record 57, field image: 0 <image> tag\(s\) but 1 image\(s\)/);
  const plan = cli(["mix", "plan", spec]);
  assert.equal(plan.status, 1, plan.stdout);
  assert.match(plan.stdout, /record 57, field image: 0 <image> tag\(s\) but 1 image\(s\)/);
});
