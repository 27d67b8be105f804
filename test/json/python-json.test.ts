import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  ByteBuilder,
  PYTHON_COMPACT,
  PYTHON_INDENT_4,
  PYTHON_ONE_LINE,
  PyFloat,
  RepeatedKey,
  formatPythonFloat,
  formatPythonJson,
  parsePythonJson,
  reindentPythonJson,
  writePythonJsonItemsFile,
} from "../../lib/json/index";
import { runPythonJson } from "../oracle/run-python";
import { HARD_CASES } from "./hard-cases";

interface Dumps {
  indent4: string;
  oneLine: string;
  compact: string;
  indent2: string;
}

const PY_DUMPS = `
import json, sys
out = []
for t in json.load(sys.stdin):
    v = json.loads(t)
    out.append({"indent4": json.dumps(v, indent=4), "oneLine": json.dumps(v),
                "compact": json.dumps(v, separators=(",", ":")), "indent2": json.dumps(v, indent=2)})
print(json.dumps(out))
`;

const expected = runPythonJson<Dumps[]>(PY_DUMPS, JSON.stringify(HARD_CASES));

test("parse then write gives json.dumps's bytes (indent=4, one line, compact, indent=2)", () => {
  HARD_CASES.forEach((text, k) => {
    const v = parsePythonJson(text);
    assert.equal(formatPythonJson(v, { indent: 4 }), expected[k].indent4, `case ${k}: ${text}`);
    assert.equal(formatPythonJson(v), expected[k].oneLine, `case ${k} one line`);
    assert.equal(
      formatPythonJson(v, { separators: [",", ":"] }),
      expected[k].compact,
      `case ${k} compact`,
    );
    assert.equal(formatPythonJson(v, { indent: 2 }), expected[k].indent2, `case ${k} indent 2`);
  });
});

test("re-emitting source bytes gives json.dumps's bytes, or RepeatedKey for repeated keys", () => {
  HARD_CASES.forEach((text, k) => {
    const bytes = Buffer.from(text, "utf8");
    const layouts = [
      [PYTHON_INDENT_4, expected[k].indent4],
      [PYTHON_ONE_LINE, expected[k].oneLine],
      [PYTHON_COMPACT, expected[k].compact],
    ] as const;
    for (const [layout, want] of layouts) {
      const out = new ByteBuilder(8);
      // Both paths: the byte loop (no end given) and the native fast path for ASCII values.
      try {
        const fastOut = new ByteBuilder(8);
        reindentPythonJson(bytes, 0, fastOut, 0, layout, bytes.length);
        assert.equal(
          Buffer.from(fastOut.view()).toString("latin1"),
          want,
          `fast path, case ${k}: ${text}`,
        );
      } catch (e) {
        assert.ok(e instanceof RepeatedKey, `case ${k}: ${e}`);
      }
      try {
        reindentPythonJson(bytes, 0, out, 0, layout);
      } catch (e) {
        assert.ok(e instanceof RepeatedKey, `case ${k}: ${e}`);
        assert.match(text, /"a": 1, "b": 2, "a"|"k": 1, "k"/);
        continue;
      }
      assert.equal(Buffer.from(out.view()).toString("latin1"), want, `case ${k}: ${text}`);
    }
  });
});

test("floats print as Python's repr, across magnitudes and random bit patterns", () => {
  const values: number[] = [1, 1e-5, 1e5, -0, 1e16, 1e15, 123456.789, 0.1, 1 / 3, 2 ** 70, 5e-324];
  const view = new DataView(new ArrayBuffer(8));
  let s = 12345;
  while (values.length < 400) {
    s = (s * 1103515245 + 12345) >>> 0;
    view.setUint32(0, s);
    s = (s * 1103515245 + 12345) >>> 0;
    view.setUint32(4, s);
    const v = view.getFloat64(0);
    if (Number.isFinite(v)) values.push(v);
    values.push(Number((s / 997).toPrecision((s % 17) + 1)) * 10 ** ((s % 40) - 20));
  }
  const hex = values.map((v) => {
    view.setFloat64(0, v);
    return view.getBigUint64(0).toString(16);
  });
  const want = runPythonJson<string[]>(
    "import json, sys, struct\nprint(json.dumps([repr(struct.unpack('>d', bytes.fromhex(h.rjust(16, '0')))[0]) for h in json.load(sys.stdin)]))",
    JSON.stringify(hex),
  );
  assert.deepEqual(values.map(formatPythonFloat), want);
  assert.equal(
    formatPythonJson([new PyFloat(1), new PyFloat(-0), 2 ** 64]),
    "[1.0, -0.0, 18446744073709551616]",
  );
});

test("every BMP code unit and astral characters escape as Python's ensure_ascii does", () => {
  let s = "";
  for (let c = 0; c < 0x10000; c += c < 0x800 ? 1 : 7) s += String.fromCharCode(c);
  s += "😀𝄞\u{10ffff}";
  const want = runPythonJson<string>(
    "import json, sys\nprint(json.dumps(json.dumps(json.load(sys.stdin))))",
    JSON.stringify(s),
  );
  assert.equal(formatPythonJson(s), want);
});

test("a streamed list file is byte-identical to json.dump(list, f, indent=4), no trailing newline", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-json-"));
  const items = HARD_CASES.map((t) => parsePythonJson(t));
  const many = Array.from({ length: 3000 }, (_, i) => items[i % items.length]);
  const path = join(dir, "out.json");
  await writePythonJsonItemsFile(path, many, { indent: 4 });
  const src = join(dir, "cases.json");
  writeFileSync(src, JSON.stringify(HARD_CASES));
  const want = runPythonJson<string>(
    `import json\nc = [json.loads(t) for t in json.load(open(${JSON.stringify(src)}))]\nprint(json.dumps(json.dumps([c[i % len(c)] for i in range(3000)], indent=4)))`,
  );
  assert.equal(readFileSync(path, "latin1"), want);
  await writePythonJsonItemsFile(join(dir, "empty.json"), [], { indent: 4 });
  assert.equal(readFileSync(join(dir, "empty.json"), "latin1"), "[]");
});
