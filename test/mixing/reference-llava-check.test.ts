// `mix reference` checks each LLaVA record it writes from the record's bytes (no parse);
// a bad one still stops the run with the file, the record and the field, writing nothing.
import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { runReferenceRecipe } from "../../lib/mixing/index";
import { makeReferenceInputs } from "./reference-fixture";

const H = '{"from": "human", "value": "<image>\\nq"}';
const G = '{"from": "gpt", "value": "a"}';

const BAD: [string, string, string, RegExp][] = [
  [
    "a gpt-first conversation",
    `{"id": "c", "image": "c.jpg", "conversations": [${G}, ${H}]}`,
    "conversations[0].from",
    /must open with a "human" turn, got "gpt"/,
  ],
  [
    "a number among the image paths, under an escaped key (the parse decides)",
    `{"id": "c", "im\\u0061ge": ["c.jpg", 7], "conversations": [${H}, ${G}]}`,
    "image[1]",
    /expected a path string, got a number/,
  ],
  [
    "no gpt turn after an escaped human one",
    `{"id": "c", "conversations": [{"from": "hum\\u0061n", "value": "q"}]}`,
    "conversations",
    /no "gpt" turn/,
  ],
  [
    "a null id, the last of two",
    `{"id": "c", "conversations": [${H}, ${G}], "id": null}`,
    "id",
    /expected a string or a number, got null/,
  ],
];

test("mix reference names the file, record and field of a bad LLaVA record it would write", async () => {
  const { dir, t3Dir } = await makeReferenceInputs(20, 5);
  const good = `{"id": "a", "image": "a.jpg", "conversations": [${H}, ${G}]}`;
  for (const [what, bad, field, problem] of BAD) {
    const llava = join(dir, "llava-bad.json");
    writeFileSync(llava, `[\n${good},\n${good.replace('"a"', '"b"')},\n${bad}\n]\n`);
    const out = join(dir, "out");
    try {
      await runReferenceRecipe({ llava, t3Dir, outDir: out, threads: 1 });
      assert.fail(`no error for ${what}`);
    } catch (e) {
      assert.ok(e instanceof InputError, `${what}: ${e}`);
      assert.deepEqual(e.location, { file: llava, record: 2, field }, what);
      assert.match(e.problem, problem, what);
    }
    assert.ok(!existsSync(out) || readdirSync(out).length === 0, `${what}: wrote something`);
  }
});
