// The UTF-8 rule every stage uses, against Python's strict decoder on awkward byte strings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstInvalidUtf8 } from "../../lib/files/index";
import { PythonRandom } from "../../lib/pyrandom/index";
import { runPythonJson } from "../oracle/run-python";

test("firstInvalidUtf8 finds the byte Python's utf-8 decoder stops at", () => {
  const rng = new PythonRandom(7);
  const pieces = [
    [0x41],
    [0xc3, 0xa9],
    [0xe6, 0x97, 0xa5],
    [0xf0, 0x9f, 0x98, 0x80],
    [0x80],
    [0xbf],
    [0xc0],
    [0xc1, 0x81],
    [0xe0, 0x80],
    [0xed, 0xa0, 0x80],
    [0xed, 0x9f, 0xbf],
    [0xf4, 0x90],
    [0xf5],
    [0xff],
    [0xe2, 0x82],
    [0xf0, 0x9f, 0x98],
    [0x0a],
    [0x7f],
  ];
  const cases: number[][] = [];
  for (let n = 0; n < 400; n++) {
    const bytes: number[] = [];
    const len = 1 + rng.randbelow(6);
    for (let k = 0; k < len; k++) bytes.push(...pieces[rng.randbelow(pieces.length)]);
    cases.push(bytes);
  }
  const expected = runPythonJson<number[]>(
    "import json,sys\nout=[]\nfor c in json.load(sys.stdin):\n try:\n  bytes(c).decode('utf-8'); out.append(-1)\n except UnicodeDecodeError as e:\n  out.append(e.start)\nprint(json.dumps(out))",
    JSON.stringify(cases),
  );
  assert.deepEqual(
    cases.map((c) => firstInvalidUtf8(Uint8Array.from(c))),
    expected,
  );
});
