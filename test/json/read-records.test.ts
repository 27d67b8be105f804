import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  type JsonValue,
  formatPythonJson,
  readJsonArrayRecords,
  readJsonlRecords,
  readRecords,
} from "../../lib/json/index";
import { runPythonJson } from "../oracle/run-python";
import { HARD_CASES } from "./hard-cases";

const dir = mkdtempSync(join(tmpdir(), "t3kit-read-"));

async function collect(it: AsyncIterable<{ index: number; record: JsonValue }>) {
  const out: { index: number; text: string }[] = [];
  for await (const r of it)
    out.push({ index: r.index, text: formatPythonJson(r.record, { indent: 4 }) });
  return out;
}

// Python's view of each element: json.load, then json.dumps(indent=4) per element.
function pythonElements(path: string, jsonl: boolean): string[] {
  const load = jsonl
    ? `[json.loads(l) for l in open(${JSON.stringify(path)}, encoding="utf-8") if l.strip()]`
    : `json.load(open(${JSON.stringify(path)}, encoding="utf-8"))`;
  return runPythonJson<string[]>(
    `import json\nprint(json.dumps([json.dumps(v, indent=4) for v in ${load}]))`,
  );
}

test("a JSON array read in tiny chunks yields Python's records, in order, with their index", async () => {
  const path = join(dir, "cases.json");
  writeFileSync(path, `\n[ ${HARD_CASES.join(" ,\n  ")} ]\n`);
  const want = pythonElements(path, false);
  for (const chunkSize of [3, 17, 1 << 20]) {
    const got = await collect(readJsonArrayRecords(path, { chunkSize }));
    assert.deepEqual(
      got.map((r) => r.index),
      want.map((_, i) => i),
    );
    assert.deepEqual(
      got.map((r) => r.text),
      want,
      `chunk ${chunkSize}`,
    );
  }
  assert.deepEqual(
    (await collect(readRecords(path))).map((r) => r.text),
    want,
  );
});

test("JSON Lines (blank lines skipped, CRLF) read in tiny chunks gives Python's records", async () => {
  const path = join(dir, "cases.jsonl");
  const lines = HARD_CASES.map((t) => t.replace(/\n/g, " ").replace(/\r/g, " "));
  writeFileSync(path, `${lines.join("\r\n")}\n\n${lines[0]}`);
  const want = pythonElements(path, true);
  for (const chunkSize of [5, 1 << 20]) {
    const got = await collect(readJsonlRecords(path, { chunkSize }));
    assert.deepEqual(
      got.map((r) => r.text),
      want,
    );
  }
  assert.equal((await collect(readRecords(path))).length, want.length);
});

async function errorOf(it: AsyncIterable<unknown>): Promise<InputError> {
  try {
    for await (const _ of it) {
      // drain
    }
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  throw new Error("no error thrown");
}

test("bad input names the file, the record index or line, and the field", async () => {
  const trunc = join(dir, "trunc.json");
  writeFileSync(trunc, '[{"id": 1, "conversations": []}, {"id": 2, "conversations": [{"from": "hu');
  let e = await errorOf(readJsonArrayRecords(trunc, { chunkSize: 8 }));
  assert.equal(e.location.file, trunc);
  assert.equal(e.location.record, 1);
  assert.match(e.message, /truncated/);

  const unclosed = join(dir, "unclosed.json");
  writeFileSync(unclosed, '[{"id": 1}, {"id": 2}');
  e = await errorOf(readJsonArrayRecords(unclosed));
  assert.match(e.message, /not closed|truncated/);

  const bad = join(dir, "bad.json");
  writeFileSync(
    bad,
    '[{"a": 1}, {"a": 2}, {"id": 3, "conversations": [{"from": "human", "value": tru}]}]',
  );
  e = await errorOf(readJsonArrayRecords(bad));
  assert.equal(e.location.record, 2);
  assert.equal(e.location.field, "conversations[0].value");

  const ctrl = join(dir, "ctrl.jsonl");
  writeFileSync(ctrl, '{"a": "ok"}\n\n{"a": "tab\there"}\n');
  e = await errorOf(readJsonlRecords(ctrl));
  assert.equal(e.location.recordKind, "line");
  assert.equal(e.location.record, 3);
  assert.equal(e.location.field, "a");

  const utf = join(dir, "utf.json");
  writeFileSync(
    utf,
    Buffer.concat([
      Buffer.from('[{"a": "x"}, {"a": "'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}]'),
    ]),
  );
  e = await errorOf(readJsonArrayRecords(utf));
  assert.equal(e.location.record, 1);
  assert.match(e.message, /UTF-8/);

  const bom = join(dir, "bom.json");
  writeFileSync(bom, "\ufeff[]");
  e = await errorOf(readJsonArrayRecords(bom));
  assert.match(e.message, /byte-order mark/);

  const extra = join(dir, "extra.json");
  writeFileSync(extra, "[1, 2] 3");
  e = await errorOf(readJsonArrayRecords(extra));
  assert.match(e.message, /extra data/);

  e = await errorOf(readJsonArrayRecords(join(dir, "missing.json")));
  assert.match(e.message, /cannot open/);
});

test("a structure-only scan finds the same records as a full one, and still sees truncation", async () => {
  const { scanJsonArrayFile } = await import("../../lib/json/index");
  const path = join(dir, "structure.json");
  writeFileSync(path, `[${HARD_CASES.join(",")}, "a \\\\\\" b", "\\\\\\\\"]`);
  const spans = async (validate: "full" | "structure", chunkSize: number) => {
    const out: string[] = [];
    await scanJsonArrayFile(
      path,
      (s) => out.push(`${s.index}:${s.fileOffset}:${s.end - s.start}`),
      { validate, chunkSize },
    );
    return out;
  };
  const full = await spans("full", 1 << 20);
  assert.equal(full.length, HARD_CASES.length + 2);
  for (const chunk of [5, 64, 1 << 20]) assert.deepEqual(await spans("structure", chunk), full);
  writeFileSync(path, '[{"a": "unterminated \\" string}]');
  await assert.rejects(spans("structure", 8), /truncated/);
});
