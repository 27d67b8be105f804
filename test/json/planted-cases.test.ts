// Cases a planted bug once slipped past: each is checked against Python's json module.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  ByteBuilder,
  JsonSyntaxFault,
  PYTHON_COMPACT,
  PYTHON_INDENT_4,
  PYTHON_ONE_LINE,
  RepeatedKey,
  formatPythonJson,
  parsePythonJson,
  readAllRecords,
  reindentPythonJson,
  skipJsonValue,
} from "../../lib/json/index";
import { runPythonJson } from "../oracle/run-python";

const DUMPS = `
import json, sys
print(json.dumps([[json.dumps(json.loads(t), indent=4), json.dumps(json.loads(t)),
  json.dumps(json.loads(t), separators=(",", ":"))] for t in json.load(sys.stdin)]))`;

const LAYOUTS = [PYTHON_INDENT_4, PYTHON_ONE_LINE, PYTHON_COMPACT] as const;

function reindent(text: string, layout: (typeof LAYOUTS)[number], fast: boolean): string {
  const bytes = Buffer.from(text, "latin1");
  const out = new ByteBuilder(8);
  if (fast) reindentPythonJson(bytes, 0, out, 0, layout, bytes.length);
  else reindentPythonJson(bytes, 0, out, 0, layout);
  return Buffer.from(out.view()).toString("latin1");
}

test("a raw DEL byte in an all-ASCII string, at every alignment, both paths, as json.dumps", () => {
  const docs: string[] = [];
  for (const len of [1, 3, 4, 5, 8, 15, 16, 17, 33])
    for (let at = 0; at <= len; at++) {
      const filler = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF".slice(0, len);
      docs.push(`{"k": "${filler.slice(0, at)}\u007f${filler.slice(at)}", "n": [1, "x"]}`);
    }
  const want = runPythonJson<string[][]>(DUMPS, JSON.stringify(docs));
  docs.forEach((doc, k) => {
    LAYOUTS.forEach((layout, j) => {
      assert.equal(reindent(doc, layout, true), want[k][j], `fast path: ${JSON.stringify(doc)}`);
      assert.equal(reindent(doc, layout, false), want[k][j], `byte path: ${JSON.stringify(doc)}`);
    });
    assert.equal(formatPythonJson(parsePythonJson(doc), { indent: 4 }), want[k][0]);
  });
});

test('a repeated key after an index-like key keeps the last value, as Python: {"1":"x","a":1,"a":2}', async () => {
  const docs = [
    '{"1":"x","a":1,"a":2}',
    '{"a":1,"1":"x","a":2}',
    '{"2":1,"10":2,"b":[1],"b":{"c":3}}',
  ];
  const want = runPythonJson<string[][]>(DUMPS, JSON.stringify(docs));
  docs.forEach((doc, k) => {
    assert.equal(formatPythonJson(parsePythonJson(doc), { indent: 4 }), want[k][0], doc);
    assert.equal(formatPythonJson(parsePythonJson(doc), { indent: null }), want[k][1], doc);
    // The byte re-emitter cannot drop the first value: it must say so, never write both.
    for (const fast of [true, false])
      assert.throws(() => reindent(doc, PYTHON_INDENT_4, fast), RepeatedKey);
  });
  // What the stages read: the records as Python holds them.
  const file = join(mkdtempSync(join(tmpdir(), "t3kit-json-")), "r.json");
  writeFileSync(file, `[${docs.join(",")}]`);
  const read = await readAllRecords(file);
  assert.deepEqual(
    read.map((r) => formatPythonJson(r, { indent: 4 })),
    want.map((w) => w[0]),
  );
});

test('JSONL {"a":1} {"b":2} on one line is "extra data" naming the line', async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-json-"));
  const file = join(dir, "two.jsonl");
  writeFileSync(file, '{"x": 0}\n{"a":1} {"b":2}\n');
  await assert.rejects(readAllRecords(file), (e: Error) => {
    assert.match(e.message, /two\.jsonl, line 2: extra data/);
    return true;
  });
  const python = runPythonJson<string>(
    'import json,sys\ntry:\n json.loads(sys.stdin.read())\n print(json.dumps("ok"))\nexcept ValueError as e:\n print(json.dumps(str(e)))',
    '{"a":1} {"b":2}',
  );
  assert.match(python, /^Extra data/);
});

test("numbers Python rejects are rejected, and the ones it accepts accepted", () => {
  const docs = [
    "[1.]",
    "1.e5",
    "-",
    "[-]",
    "01",
    "[01]",
    ".5",
    "1e",
    "1e+",
    "+1",
    "-.5",
    "2.",
    "0x10",
    "-0",
    "1E+2",
    "1e-7",
    "-0.0e0",
    "[0, -1, 1.5e300]",
    "1.5E-0",
    "[1e309]",
    "NaN",
    "[Infinity]",
  ];
  // Python's json.loads (NaN/Infinity are a Python extension it accepts; so must we).
  const want = runPythonJson<boolean[]>(
    "import json,sys\ndef ok(t):\n try:\n  json.loads(t); return True\n except ValueError:\n  return False\nprint(json.dumps([ok(t) for t in json.load(sys.stdin)]))",
    JSON.stringify(docs),
  );
  docs.forEach((doc, k) => {
    let parsed: boolean;
    try {
      parsePythonJson(doc);
      parsed = true;
    } catch {
      parsed = false;
    }
    assert.equal(parsed, want[k], `parsePythonJson(${doc})`);
    const buf = Buffer.from(`${doc} `);
    let scanned: boolean;
    try {
      const end = skipJsonValue(buf, 0, buf.length);
      scanned = end === doc.length;
    } catch (e) {
      if (!(e instanceof JsonSyntaxFault)) throw e;
      scanned = false;
    }
    assert.equal(scanned, want[k], `skipJsonValue(${doc})`);
  });
});
