// Scanning a JSON array file in two parts (ScanOptions.range): the first part ends at an
// element boundary and says so, the second begins there; a boundary that falls inside an
// element is reported, and the first part then reads the whole file.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { scanRecordBatches } from "../../lib/json/index";

async function scan(file: string, range: { start: number; stop?: number }, chunkSize = 64) {
  const records: string[] = [];
  let aligned: boolean | undefined;
  for await (const spans of scanRecordBatches(file, "array", {
    range,
    chunkSize,
    onRangeEnd: (a) => {
      aligned = a;
    },
  }))
    for (const s of spans) records.push(Buffer.from(s.bytes.subarray(s.start, s.end)).toString());
  return { records, aligned };
}

const ELEMENTS = Array.from({ length: 40 }, (_, k) => `{"k": ${k}, "s": "é,\\n{x}"}`);
const dir = mkdtempSync(join(tmpdir(), "t3kit-range-"));
const file = join(dir, "a.json");
const text = `[\n${ELEMENTS.join(",\n")}\n]\n`;
writeFileSync(file, text);
const at = (k: number) => Buffer.byteLength(text.slice(0, text.indexOf(`{"k": ${k},`)));

test("two parts split at an element's start give every element once, in order", async () => {
  for (const k of [1, 17, 39]) {
    for (const chunk of [7, 64, 1 << 16]) {
      const first = await scan(file, { start: 0, stop: at(k) }, chunk);
      const second = await scan(file, { start: at(k) }, chunk);
      assert.equal(first.aligned, true, `split at ${k}, chunk ${chunk}`);
      assert.deepEqual([...first.records, ...second.records], ELEMENTS);
      assert.equal(first.records.length, k);
    }
  }
});

test("a stop inside an element is reported, and the first part reads on to the end", async () => {
  for (const inside of [at(5) + 1, at(5) + 10, text.indexOf("{x}", at(5))]) {
    const first = await scan(file, { start: 0, stop: inside });
    assert.equal(first.aligned, false, `stop ${inside}`);
    assert.deepEqual(first.records, ELEMENTS);
  }
});

test("a second part that starts inside an element fails, or does not end as the file does", async () => {
  const inString = text.indexOf("{x}") + 1;
  await assert.rejects(scan(file, { start: inString }), InputError);
});
