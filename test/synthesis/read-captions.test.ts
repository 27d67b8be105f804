import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { readJsonArrayRecords } from "../../lib/json/index";
import { readCaptions } from "../../lib/synthesis/index";

const dir = mkdtempSync(join(tmpdir(), "t3kit-captions-"));

async function all<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

async function readError(file: string): Promise<InputError> {
  try {
    await all(readCaptions(file));
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  assert.fail("expected an InputError");
}

test("LLaVA-ReCap JSON: the first sentence of the gpt turn", async () => {
  const file = join(dir, "recap.json");
  const records = [
    {
      id: "000000033471",
      image: "coco/train2017/000000033471.jpg",
      conversations: [
        { from: "human", value: "<image>\nWhat do you see happening in this image?" },
        { from: "gpt", value: 'The image shows a red bus {with "braces"}. It waits at a stop.' },
      ],
    },
    { id: 7, caption: "A cat sleeps on a sofa. Nothing else." },
  ];
  writeFileSync(file, JSON.stringify(records, null, 2));
  const caps = await all(readCaptions(file));
  assert.deepEqual(
    caps.map((c) => [c.id, c.text]),
    [
      ["000000033471", 'The image shows a red bus {with "braces"}.'],
      ["7", "A cat sleeps on a sofa."],
    ],
  );
});

test("a caption array read through lib/json equals JSON.parse on a file larger than its read buffer", async () => {
  const file = join(dir, "big.json");
  const records = Array.from({ length: 12000 }, (_, i) => ({
    id: i,
    caption: `Caption ${i} with "quotes", a \\ backslash, [brackets] {braces} and é ü 漢字 😀.`,
    nested: { list: [i, { deep: "}]" }] },
  }));
  writeFileSync(file, JSON.stringify(records));
  const streamed = (await all(readJsonArrayRecords(file))).map((e) => e.record);
  assert.deepEqual(streamed, JSON.parse(JSON.stringify(records)));
});

test("JSONL with annotations", async () => {
  const file = join(dir, "c.jsonl");
  writeFileSync(
    file,
    [
      JSON.stringify({
        id: "a",
        caption: "A loose polo shirt hangs on a hook.",
        noun_phrase: "polo shirt",
        attributes: [{ kind: "fit", value: "loose", subject: "polo shirt" }],
      }),
      "",
      JSON.stringify({ id: "b", caption: "The image shows a die." }),
    ].join("\n"),
  );
  const caps = await all(readCaptions(file));
  assert.equal(caps.length, 2);
  assert.equal(caps[0].nounPhrase, "polo shirt");
  assert.deepEqual(caps[0].attributes, [{ kind: "fit", value: "loose", subject: "polo shirt" }]);
});

test("bad records name the file, the line or index, and the field", async () => {
  const jsonl = join(dir, "bad.jsonl");
  writeFileSync(
    jsonl,
    `${JSON.stringify({ id: "a", caption: "Fine." })}\n${JSON.stringify({ id: "b", caption: 5 })}\n`,
  );
  let e = await readError(jsonl);
  assert.equal(e.message, `${jsonl}, line 2, field caption: expected a string, got number`);

  writeFileSync(
    jsonl,
    `${JSON.stringify({ id: "a", caption: "Fine." })}\n{"id": "b", "caption": \n`,
  );
  e = await readError(jsonl);
  assert.match(e.message, /bad\.jsonl, line 2: truncated JSON/);

  writeFileSync(jsonl, `${JSON.stringify({ caption: "No id." })}\n`);
  e = await readError(jsonl);
  assert.match(e.message, /line 1, field id: expected a string or number, got nothing/);

  writeFileSync(jsonl, `${JSON.stringify({ id: 1, caption: "A cat.", noun_phrase: "dog" })}\n`);
  e = await readError(jsonl);
  assert.match(e.message, /line 1, field noun_phrase: "dog" does not occur/);

  writeFileSync(
    jsonl,
    `${JSON.stringify({ id: 1, caption: "A red cat.", attributes: [{ kind: "colour", value: "red" }] })}\n`,
  );
  e = await readError(jsonl);
  assert.match(e.message, /line 1, field attributes\[0\]\.subject: expected a non-empty string/);

  const json = join(dir, "bad.json");
  writeFileSync(
    json,
    JSON.stringify([
      { id: 1, caption: "Fine." },
      { id: 2, conversations: [{ from: "human", value: "hi" }] },
    ]),
  );
  e = await readError(json);
  assert.equal(
    e.message,
    `${json}, record 1, field conversations: no turn with from = "gpt" holds a caption`,
  );

  writeFileSync(json, '[{"id": 1, "caption": "Fine."}, {"id": 2, "caption": "cut');
  e = await readError(json);
  assert.match(e.message, /record 1: truncated JSON: the file ends inside this record/);

  writeFileSync(json, '[{"id": 1, "caption": "Fine."}, 3]');
  e = await readError(json);
  assert.match(e.message, /record 1: expected an object/);

  writeFileSync(json, '[{"id": 123456789012345678901234567890, "caption": "A big id."}]');
  assert.deepEqual(
    (await all(readCaptions(json))).map((c) => c.id),
    ["123456789012345678901234567890"],
  );
});
