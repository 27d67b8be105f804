// The WebAssembly scanner and re-indenter (lib/json/wasm/json-scan.c) against the
// JavaScript walkers (the reference) and CPython's json module (the oracle): seeded random
// documents with every kind of string content, their mutants (every kind of fault), files
// scanned in chunks small enough that records, escapes and UTF-8 sequences straddle chunk
// ends, and the values the module hands back to JavaScript (deep nesting, huge records).
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
  type ReindentLayout,
  RepeatedKey,
  type TopKeyProbe,
  jsonScannerImplementation,
  newTurnProbe,
  readAllRecords,
  reindentPythonJson,
  scanRecordBatches,
  skipJsonValue,
} from "../../lib/json/index";
import { lastValueNeedsPythonParse } from "../../lib/json/skip-json-value";
import {
  type JsonScannerKind,
  useJsonScanner,
  wasmJsonScanner,
} from "../../lib/json/wasm/json-scan-module";
import { runPythonJson } from "../oracle/run-python";
import { HARD_CASES } from "./hard-cases";

/** mulberry32: a small seeded generator, so that every run sees the same documents. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

// Characters and how each may be written: raw, a short escape, \u in lower or upper case.
const CHARS = [
  "a",
  "b",
  "Z",
  " ",
  "0",
  "~",
  '"',
  "\\",
  "/",
  "\n",
  "\t",
  "\r",
  "\b",
  "\f",
  "\u0001",
  "\u001f",
  "\u007f",
  "é",
  "中",
  "😀",
  "\u2028",
  "\u2029",
  "\ue000",
  "\ua000",
  "<",
  ">",
  "&",
  "'",
];

function writeChar(r: Rand, ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = (n: number, upper: boolean) => {
    const h = n.toString(16).padStart(4, "0");
    return `\\u${upper ? h.toUpperCase() : h}`;
  };
  const short: Record<string, string> = {
    '"': '\\"',
    "\\": "\\\\",
    "/": "\\/",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
  };
  const way = r();
  const mustEscape = ch === '"' || ch === "\\" || code < 0x20;
  if (way < 0.5 && !mustEscape) return ch;
  if (way < 0.7 && short[ch]) return short[ch];
  const upper = r() < 0.3;
  if (code > 0xffff) {
    const v = code - 0x10000;
    return hex(0xd800 | (v >> 10), upper) + hex(0xdc00 | (v & 0x3ff), upper);
  }
  return hex(code, upper);
}

function randomString(r: Rand): string {
  const long = r() < 0.15;
  const n = long ? 50 + Math.floor(r() * 400) : Math.floor(r() * 12);
  let s = '"';
  for (let k = 0; k < n; k++) {
    if (r() < 0.03)
      s += pick(r, ["\\ud800", "\\udfff", "\\uDBFF", "\\uD800"]); // lone surrogates
    else s += writeChar(r, r() < 0.6 ? "abcdefghij klmnop"[Math.floor(r() * 17)] : pick(r, CHARS));
  }
  return `${s}"`;
}

const NUMBERS = [
  "0",
  "-0",
  "7",
  "-12",
  "1234567890123456",
  "123456789012345678901234567890",
  "1.5",
  "-0.0",
  "1e5",
  "1E-7",
  "2.5e+300",
  "0.1",
  "1e400",
  "-1e-400",
  "5e-324",
  "NaN",
  "Infinity",
  "-Infinity",
];

function ws(r: Rand): string {
  return r() < 0.6 ? "" : pick(r, [" ", "\n    ", "\t", "\r\n", "  \n\n        "]);
}

function randomValue(r: Rand, depth: number): string {
  const x = r();
  if (depth > 4 || x < 0.35) return randomString(r);
  if (x < 0.5) return pick(r, NUMBERS);
  if (x < 0.55) return pick(r, ["true", "false", "null"]);
  const n = Math.floor(r() * 5);
  if (x < 0.75) {
    const items = Array.from({ length: n }, () => ws(r) + randomValue(r, depth + 1) + ws(r));
    return `[${items.join(",")}${n === 0 ? ws(r) : ""}]`;
  }
  const keys: string[] = [];
  for (let k = 0; k < n; k++) {
    // Sometimes a key again (Python keeps the last value), sometimes a digit first.
    keys.push(
      k > 0 && r() < 0.1 ? keys[0] : r() < 0.1 ? `"${Math.floor(r() * 20)}"` : randomString(r),
    );
  }
  const members = keys.map(
    (key) => `${ws(r)}${key}${ws(r)}:${ws(r)}${randomValue(r, depth + 1)}${ws(r)}`,
  );
  return `{${members.join(",")}${n === 0 ? ws(r) : ""}}`;
}

/** A record as the mixer sees them: a LLaVA record or a T3 pair, in random text. */
function randomRecord(r: Rand): string {
  const turn = (from: string) =>
    `{"from": ${from}, "value": ${randomString(r)}${r() < 0.2 ? `, "x": ${randomValue(r, 2)}` : ""}}`;
  const x = r();
  if (x < 0.3)
    return `{"id": ${randomString(r)}, "image": "a/b.jpg", "conversations": [${turn('"human"')}, ${turn('"gpt"')}]}`;
  if (x < 0.5) return `[${turn('"human"')},${ws(r)}${turn(r() < 0.8 ? '"gpt"' : "5")}]`;
  return randomValue(r, 0);
}

function corpus(seed: number, n: number): string[] {
  const r = rng(seed);
  return [...HARD_CASES, ...Array.from({ length: n }, () => randomRecord(r))];
}

/** What a call did: its value, or its error as the user would see it. */
type Outcome = { value: unknown } | { error: string };

function outcome(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof JsonSyntaxFault)
      return { error: `fault ${e.position} ${e.field}: ${e.message}` };
    if (e instanceof RepeatedKey) return { error: "RepeatedKey" };
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

function withScanner<T>(kind: JsonScannerKind, fn: () => T): T {
  const before = useJsonScanner(kind);
  try {
    return fn();
  } finally {
    useJsonScanner(before);
  }
}

async function withScannerAsync<T>(kind: JsonScannerKind, fn: () => Promise<T>): Promise<T> {
  const before = useJsonScanner(kind);
  try {
    return await fn();
  } finally {
    useJsonScanner(before);
  }
}

function probe(): TopKeyProbe {
  return {
    keys: ["conversations", "id", "from", "0"].map((k) => Buffer.from(k)),
    found: 0,
    turns: newTurnProbe(),
  };
}

/** skipJsonValue with a probe: its end, tricky flag and findings, or its fault. */
function skipAll(bytes: Buffer, start: number, limit: number, structureOnly: boolean): Outcome {
  const p = probe();
  return outcome(() => {
    const end = skipJsonValue(bytes, start, limit, p, structureOnly);
    if (end < 0) return { end };
    const t = p.turns!;
    return {
      end,
      tricky: lastValueNeedsPythonParse(),
      found: p.found,
      turns: [t.count, t.objectMask, t.valueMask, [...t.fromStart], [...t.fromEnd]],
    };
  });
}

function reindent(bytes: Buffer, layout: ReindentLayout, end: number): Outcome {
  return outcome(() => {
    const out = new ByteBuilder(16);
    const after = reindentPythonJson(bytes, 0, out, 0, layout, end);
    return { after, text: Buffer.from(out.view()).toString("latin1") };
  });
}

const LAYOUTS = [PYTHON_INDENT_4, PYTHON_ONE_LINE, PYTHON_COMPACT];

test("the WebAssembly module is the implementation in use, and it does the walking", () => {
  // CI builds it (make wasm): a missing build or a silent fallback fails here.
  assert.equal(jsonScannerImplementation(), "wasm");
  const m = wasmJsonScanner();
  assert.ok(m !== null);
  const doc = Buffer.from('{"conversations": [{"from": "human", "value": "x"}], "id": 1} ');
  const before = m.walks;
  skipJsonValue(doc, 0, doc.length);
  reindentPythonJson(doc, 0, new ByteBuilder(), 0, PYTHON_INDENT_4, doc.length - 1);
  assert.equal(m.walks, before + 2, "the module answered both walks");
  withScanner("js", () => {
    assert.equal(jsonScannerImplementation(), "js");
    skipJsonValue(doc, 0, doc.length);
    reindentPythonJson(doc, 0, new ByteBuilder(), 0, PYTHON_INDENT_4, doc.length - 1);
  });
  assert.equal(m.walks, before + 2, "with T3KIT_JSON_SCANNER=js the module is not called");
});

test("random documents: the same ends, probes and re-indented bytes as JavaScript, and json.dumps's bytes", () => {
  const docs = corpus(2025, 600);
  const want = runPythonJson<(string | null)[]>(
    `import json, sys
def dump(t):
    try:
        return json.dumps(json.loads(t), indent=4)
    except ValueError:
        return None
print(json.dumps([dump(t) for t in json.load(sys.stdin)]))`,
    JSON.stringify(docs),
  );
  let compared = 0;
  docs.forEach((doc, k) => {
    const bytes = Buffer.from(`${doc} `, "utf8");
    const n = bytes.length - 1;
    for (const structureOnly of [false, true]) {
      const w = withScanner("wasm", () => skipAll(bytes, 0, bytes.length, structureOnly));
      const j = withScanner("js", () => skipAll(bytes, 0, bytes.length, structureOnly));
      assert.deepEqual(w, j, `skip (structure only: ${structureOnly}): ${doc}`);
    }
    for (const layout of LAYOUTS) {
      const w = withScanner("wasm", () => reindent(bytes, layout, n));
      const j = withScanner("js", () => reindent(bytes, layout, n));
      assert.deepEqual(w, j, `reindent ${JSON.stringify(layout)}: ${doc}`);
    }
    const w4 = withScanner("wasm", () => reindent(bytes, PYTHON_INDENT_4, n));
    assert.ok(want[k] !== null, `CPython rejects a generated document: ${doc}`);
    if ("value" in w4) {
      assert.equal((w4.value as { text: string }).text, want[k], `json.dumps(indent=4): ${doc}`);
      compared++;
    }
  });
  assert.ok(compared > 500, `only ${compared} documents compared with CPython`);
});

const HOSTILE = [
  '"',
  "\\",
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  "\u0001",
  "\n",
  "x",
  "1",
  "-",
  ".",
  "e",
  "u",
  " ",
  "\u007f",
  "0",
  "n",
];

test("mutants of random documents: the same faults (position, field, message) or ends, and CPython's verdict", () => {
  const r = rng(7);
  const docs: string[] = [];
  for (const doc of corpus(11, 400)) {
    for (let m = 0; m < 3; m++) {
      const at = Math.floor(r() * doc.length);
      const x = r();
      if (x < 0.5) docs.push(doc.slice(0, at) + pick(r, HOSTILE) + doc.slice(at + 1));
      else if (x < 0.75) docs.push(doc.slice(0, at) + doc.slice(at + 1));
      else docs.push(doc.slice(0, at)); // cut: NEED_MORE, unless what is left is a value
    }
  }
  const valid = runPythonJson<boolean[]>(
    `import json, sys
def ok(t):
    try:
        json.loads(t)
        return True
    except ValueError:
        return False
print(json.dumps([ok(t) for t in json.load(sys.stdin)]))`,
    JSON.stringify(docs),
  );
  let faults = 0;
  docs.forEach((doc, k) => {
    // Padded, as a scanner's chunk holds more bytes after a record.
    const bytes = Buffer.from(`${doc} `, "utf8");
    for (const structureOnly of [false, true]) {
      const w = withScanner("wasm", () => skipAll(bytes, 0, bytes.length, structureOnly));
      const j = withScanner("js", () => skipAll(bytes, 0, bytes.length, structureOnly));
      assert.deepEqual(w, j, `skip (structure only: ${structureOnly}): ${JSON.stringify(doc)}`);
      if (!structureOnly) {
        if ("error" in w) faults++;
        const whole =
          "value" in w &&
          ((w.value as { end: number }).end === Buffer.byteLength(doc.trimEnd()) ||
            doc.trim() === "");
        // A whole value that CPython accepts is accepted; what it rejects is not a whole value.
        if (valid[k])
          assert.ok(whole, `CPython accepts ${JSON.stringify(doc)}: ${JSON.stringify(w)}`);
      }
    }
  });
  assert.ok(faults > 300, `only ${faults} mutants were faults`);
});

test("every fault kind, wherever it falls in a 64-byte block, inside long strings and between tokens", () => {
  const faults = [
    "\u0001",
    "\u001f",
    "\\x",
    "\\u12g4",
    "\\u",
    '\\"',
    "\n",
    "\\uDEAD",
    "\u007f",
    "é",
  ];
  const docs: string[] = [];
  for (const pad of [0, 1, 15, 16, 31, 47, 63, 64, 65])
    for (const f of faults)
      docs.push(`{"k": "${"a".repeat(pad)}${f}${"b".repeat(70)}", "n": [1, 2]}`);
  for (const bad of [
    '{"a" 1}',
    '{"a": 1 "b": 2}',
    "[1 2]",
    "[1,]",
    '{"a":1,}',
    "[tru]",
    "[nul]",
    "[1.]",
    "[-]",
    "[01]",
    '{"a": 1x}',
    "{1: 2}",
    '["a" "b"]',
    "[1]]",
    "{}}",
    '{"a":}',
    "[,1]",
    "[NaN1]",
    "[--1]",
    "[1e]",
    "[\\u0041]",
  ])
    for (const pad of [0, 60, 61, 62, 63, 64]) docs.push(`[${" ".repeat(pad)}${bad}]`);
  for (const doc of docs) {
    const bytes = Buffer.from(`${doc}  `, "utf8");
    for (const structureOnly of [false, true]) {
      const w = withScanner("wasm", () => skipAll(bytes, 0, bytes.length, structureOnly));
      const j = withScanner("js", () => skipAll(bytes, 0, bytes.length, structureOnly));
      assert.deepEqual(w, j, `${JSON.stringify(doc)} (structure only: ${structureOnly})`);
    }
  }
});

/** Every record of a file as the scanner reports it, or the error it throws. */
async function scanAll(
  file: string,
  format: "array" | "jsonl",
  chunkSize: number,
  validate: "full" | "structure",
): Promise<unknown> {
  const seen: unknown[] = [];
  try {
    for await (const spans of scanRecordBatches(file, format, {
      chunkSize,
      validate,
      topKeys: ["conversations", "id"],
      turns: true,
    }))
      for (const s of spans)
        seen.push([
          s.index,
          s.line,
          s.fileOffset,
          s.end - s.start,
          s.topKeys,
          s.needsPythonParse,
          s.turns,
        ]);
    return seen;
  } catch (e) {
    return { error: (e as Error).message, after: seen.length };
  }
}

async function sameScans(file: string, label: string): Promise<void> {
  for (const format of ["array", "jsonl"] as const)
    for (const chunkSize of [7, 64, 1000, 1 << 16])
      for (const validate of ["full", "structure"] as const) {
        const w = await withScannerAsync("wasm", () => scanAll(file, format, chunkSize, validate));
        const j = await withScannerAsync("js", () => scanAll(file, format, chunkSize, validate));
        assert.deepEqual(w, j, `${label}: ${format}, chunks of ${chunkSize}, ${validate}`);
      }
}

test("files scanned in chunks that cut records, escapes and UTF-8 sequences: the same spans or errors", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-wasm-"));
  const records = corpus(99, 150).map((d) => d.replace(/\n/g, " ").replace(/\r/g, " "));
  const array = join(dir, "a.json");
  writeFileSync(array, `[\n${records.join(",\n")}\n]\n`);
  await sameScans(array, "valid records");
  const lines = join(dir, "a.jsonl");
  writeFileSync(lines, `${records.join("\n")}\n\n`);
  await sameScans(lines, "valid lines");
  // The same file with one fault planted in a record deep inside it, each kind.
  const r = rng(5);
  for (const plant of [
    "\u0001",
    "\\q",
    "\\u00G0",
    '"',
    "]",
    ",,",
    "\xff",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xe4\xb8",
  ]) {
    const k = 40 + Math.floor(r() * 60);
    const broken = records.map((d, i) => (i === k ? d.replace(/"([^"\\]{2})/, `"$1${plant}`) : d));
    const file = join(dir, "bad.json");
    writeFileSync(file, Buffer.from(`[\n${broken.join(",\n")}\n]\n`, "latin1"));
    await sameScans(file, `planted ${JSON.stringify(plant)}`);
  }
});

test("bad files: wasm and JavaScript fail with the same message naming the same record", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-wasm-"));
  const cases: [string, string][] = [
    ["ctl.json", '[{"a": "x"}, {"a": "y\u0001"}]'],
    ["escape.json", '[{"a": "x"}, {"b": {"c": ["ok", "bad \\q"]}}]'],
    ["unicode.json", '[{"a": "\\u00e9"}, {"a": "\\u00zz"}]'],
    ["colon.json", '[{"a" 1}]'],
    ["comma.json", '[{"a": 1 "b": 2}]'],
    ["trailing.json", '[{"a": [1, 2,]}]'],
    ["literal.json", '[{"a": tru}]'],
    ["number.json", '[{"a": 01}]'],
    ["open.json", '[{"a": "never closed'],
    ["unclosed.json", '[{"a": 1}, {"b": [1, 2'],
    ["extra.jsonl", '{"x": 0}\n{"a":1} {"b":2}\n'],
    ["ctl.jsonl", '{"x": 0}\n{"a": "\t"}\n'],
    ["bom.json", '\ufeff[{"a": 1}]'],
    ["surrogate.json", '[{"a": "ok"}, {"a": "\xed\xa0\x80"}]'],
    ["overlong.jsonl", '{"a": 1}\n{"a": "\xc0\xaf"}\n'],
  ];
  for (const [name, text] of cases) {
    const file = join(dir, name);
    writeFileSync(
      file,
      Buffer.from(
        text,
        name.includes("surrogate") || name.includes("overlong") ? "latin1" : "utf8",
      ),
    );
    const run = async (kind: JsonScannerKind) =>
      withScannerAsync(kind, async () => {
        try {
          await readAllRecords(file);
          return "no error";
        } catch (e) {
          return (e as Error).message;
        }
      });
    const w = await run("wasm");
    assert.notEqual(w, "no error", name);
    assert.equal(w, await run("js"), name);
    assert.match(w, /(record|line) \d/, `${name}: ${w}`);
  }
});

test("what the module hands back: 600 levels of nesting, 300k numbers in one record, a 5 MB string", () => {
  const deep = `${"[".repeat(600)}1${"]".repeat(600)}`;
  const deepObject = `${'{"a":'.repeat(600)}"x"${"}".repeat(600)}`;
  const many = `[${Array.from({ length: 300_000 }, (_, k) => k % 97).join(",")}]`;
  const big = `{"s": "${"abc\\u00e9\\n".repeat(400_000)}${"😀".repeat(1000)}", "t": [1.5]}`;
  for (const doc of [deep, deepObject, many, big]) {
    const bytes = Buffer.from(`${doc} `, "utf8");
    for (const structureOnly of [false, true])
      assert.deepEqual(
        withScanner("wasm", () => skipAll(bytes, 0, bytes.length, structureOnly)),
        withScanner("js", () => skipAll(bytes, 0, bytes.length, structureOnly)),
        doc.slice(0, 40),
      );
    for (const layout of [PYTHON_INDENT_4, PYTHON_COMPACT])
      assert.deepEqual(
        withScanner("wasm", () => reindent(bytes, layout, bytes.length - 1)),
        withScanner("js", () => reindent(bytes, layout, bytes.length - 1)),
        doc.slice(0, 40),
      );
  }
});
