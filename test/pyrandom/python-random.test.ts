import assert from "node:assert/strict";
import { test } from "node:test";
import { PythonRandom } from "../../lib/pyrandom/index";
import { runPythonJson } from "../oracle/run-python";

// Seeds cover 0, small, negative (abs is taken), one word, several words and a huge int.
const SEEDS = ["0", "1", "1234", "-7", "2**32 - 1", "2**32 + 5", "2**100 + 3", "3**200"];
const BITS = [1, 5, 31, 32, 33, 53, 64, 65, 100, 1000];
const BELOW = [1, 2, 3, 7, 1000, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];

const py = `
import json, random
out = []
for s in [${SEEDS.join(", ")}]:
    r = random.Random(s)
    bits = [str(r.getrandbits(k)) for k in ${JSON.stringify(BITS)}]
    below = [r._randbelow(n) for n in ${JSON.stringify(BELOW)}]
    x = list(range(50)); r.shuffle(x)
    floats = [repr(r.random()) for _ in range(5)]
    big = str(r._randbelow(10**30))
    out.append({"bits": bits, "below": below, "shuffle": x, "floats": floats, "big": big})
print(json.dumps(out))
`;

interface Vector {
  bits: string[];
  below: number[];
  shuffle: number[];
  floats: string[];
  big: string;
}

test("PythonRandom draws what CPython's random draws, for seeds of every size", () => {
  const expected = runPythonJson<Vector[]>(py);
  SEEDS.forEach((s, i) => {
    // The seed expressions are Python syntax; evaluate them as BigInt here.
    const seed = BigInt(evalPythonInt(s));
    const r = new PythonRandom(seed);
    const bits = BITS.map((k) => r.getrandbits(k).toString());
    const below = BELOW.map((n) => r.randbelow(n));
    const x = Array.from({ length: 50 }, (_, k) => k);
    r.shuffle(x);
    const floats = Array.from({ length: 5 }, () => r.random());
    const big = r.randbelowBig(10n ** 30n).toString();
    const e = expected[i];
    assert.deepEqual(bits, e.bits, `getrandbits, seed ${s}`);
    assert.deepEqual(below, e.below, `randbelow, seed ${s}`);
    assert.deepEqual(x, e.shuffle, `shuffle, seed ${s}`);
    assert.deepEqual(
      floats,
      e.floats.map((f) => Number(f)),
      `random(), seed ${s}`,
    );
    assert.equal(big, e.big, `randbelow(10**30), seed ${s}`);
  });
});

test("shuffled leaves its input alone and draws as shuffle does; shuffleIndices too", () => {
  const expected = runPythonJson<number[][]>(
    "import json, random\nrandom.seed(1234)\nx = list(range(1000)); random.shuffle(x); y = list(range(7)); random.shuffle(y)\nprint(json.dumps([x, y]))",
  );
  const r = new PythonRandom(1234);
  const input = Array.from({ length: 1000 }, (_, k) => k);
  assert.deepEqual(r.shuffled(input), expected[0]);
  assert.deepEqual(
    input,
    Array.from({ length: 1000 }, (_, k) => k),
  );
  assert.deepEqual(
    Array.from(r.shuffleIndices(Uint32Array.from([0, 1, 2, 3, 4, 5, 6]))),
    expected[1],
  );
});

test("a 100k shuffle matches CPython (the sizes the recipe uses)", () => {
  const expected = runPythonJson<number[]>(
    "import json, random\nrandom.seed(1234)\nx = list(range(100000)); random.shuffle(x); random.shuffle(x)\nprint(json.dumps(x[:50] + x[-50:]))",
  );
  const r = new PythonRandom(1234);
  const x = new Uint32Array(100000).map((_, k) => k);
  r.shuffleIndices(x);
  r.shuffleIndices(x);
  assert.deepEqual([...x.slice(0, 50), ...x.slice(-50)], expected);
});

test("getrandbits rejects a negative bit count, randbelow a non-positive bound", () => {
  const r = new PythonRandom(1);
  assert.throws(() => r.getrandbits(-1), RangeError);
  assert.throws(() => r.randbelow(0), RangeError);
  assert.equal(r.getrandbits(0), 0n);
});

function evalPythonInt(expr: string): string {
  const m = expr.match(/^(-?\d+)(?:\*\*(\d+))?(?:\s*([+-])\s*(\d+))?$/);
  if (!m) throw new Error(`unsupported seed expression ${expr}`);
  let v = BigInt(m[1]);
  if (m[2]) v = v ** BigInt(m[2]);
  if (m[3]) v = m[3] === "+" ? v + BigInt(m[4]) : v - BigInt(m[4]);
  return v.toString();
}
