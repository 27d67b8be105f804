import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../lib/errors/index";

test("InputError names the file, the record and the field", () => {
  const e = new InputError(
    { file: "mix.json", record: 12, field: "conversations[1].from" },
    'expected "gpt", got "human"',
  );
  assert.equal(
    e.message,
    'mix.json, record 12, field conversations[1].from: expected "gpt", got "human"',
  );
  const line = new InputError({ file: "c.jsonl", record: 3, recordKind: "line" }, "bad JSON");
  assert.equal(line.message, "c.jsonl, line 3: bad JSON");
});
