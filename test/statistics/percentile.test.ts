// The shared percentiles against numpy (Debian's python3-numpy): the same double, bit for
// bit, for numpy's default "linear" method and for "inverted_cdf" (nearest rank).
import assert from "node:assert/strict";
import { test } from "node:test";
import { PythonRandom } from "../../lib/pyrandom/index";
import { type PercentileMethod, leastSquares, percentileSorted } from "../../lib/statistics/index";
import { debianPythonJson } from "../oracle/debian-python";

const NUMPY_PERCENTILES = `
import json, sys, numpy
d = json.load(sys.stdin)
out = {}
for method in ("linear", "inverted_cdf"):
    out[method] = [[float(v) for v in numpy.percentile(numpy.array(xs, dtype=numpy.float64), d["ps"], method=method)] for xs in d["cases"]]
print(json.dumps(out))
`;

// Values of every kind the callers meet: bootstrap differences (multiples of 100/n, many
// ties), token lengths (integers), wide and tiny floats, negatives, one or two values.
function cases(): number[][] {
  const rng = new PythonRandom(20);
  const out: number[][] = [
    [7],
    [-0.5, 3],
    [1e-300, 1e300],
    [0, 0, 0, 0],
    [-1e6, -3.25, 0, 2.5e-8, 1e6],
  ];
  for (let k = 0; k < 240; k++) {
    const n = 1 + rng.randbelow(k % 3 === 0 ? 1500 : 40);
    const kind = k % 4;
    out.push(
      Array.from({ length: n }, () =>
        kind === 0
          ? rng.randbelow(40000)
          : kind === 1
            ? (rng.random() - 0.5) * 1e6
            : kind === 2
              ? (100 * (rng.randbelow(361) - 180)) / 360
              : rng.random(),
      ),
    );
  }
  return out.map((xs) => xs.sort((a, b) => a - b));
}

const PERCENTS = [
  0,
  1,
  2.5,
  5,
  10,
  25,
  100 / 3,
  50,
  66.7,
  75,
  90,
  95,
  97.5,
  99,
  99.9,
  100,
  2.500000000000002,
];

test("percentileSorted equals numpy.percentile bit for bit: linear (numpy's default) and nearest rank (inverted_cdf)", () => {
  const data = cases();
  const numpy = debianPythonJson<Record<string, number[][]>>(
    NUMPY_PERCENTILES,
    JSON.stringify({ cases: data, ps: PERCENTS }),
  );
  const methods: [PercentileMethod, string][] = [
    ["linear", "linear"],
    ["nearest-rank", "inverted_cdf"],
  ];
  for (const [method, numpyName] of methods) {
    data.forEach((xs, i) => {
      PERCENTS.forEach((p, j) => {
        const mine = percentileSorted(Float64Array.from(xs), p, method);
        const theirs = numpy[numpyName][i][j];
        assert.ok(
          Object.is(mine, theirs),
          `${method} p=${p} of ${xs.length} values (case ${i}): ${mine} vs numpy ${theirs}`,
        );
      });
    });
  }
});

test("nearest rank is a value of the list at rank ceil(p·n); no values or a percent outside 0..100 is refused", () => {
  const xs = [10, 20, 30, 40];
  assert.deepEqual(
    [0, 25, 25.1, 50, 99, 100].map((p) => percentileSorted(xs, p, "nearest-rank")),
    [10, 10, 20, 20, 40, 40],
  );
  assert.equal(percentileSorted(xs, 50, "linear"), 25);
  assert.throws(() => percentileSorted([], 50, "linear"), RangeError);
  assert.throws(() => percentileSorted(xs, 100.5, "nearest-rank"), RangeError);
  assert.throws(() => percentileSorted(xs, Number.NaN, "linear"), RangeError);
});

test("least squares agrees with numpy.polyfit", () => {
  const xs = [38.1, 46.6, 69.6, 77.7, 86.2, 90.0, 94.7];
  const ys = [41.0, 54.2, 57.2, 61.0, 60.6, 60.4, 61.2];
  const [slope, intercept] = debianPythonJson<[number, number]>(
    "import json,sys,numpy; d=json.load(sys.stdin); print(json.dumps([float(v) for v in numpy.polyfit(d[0], d[1], 1)]))",
    JSON.stringify([xs, ys]),
  );
  const fit = leastSquares(xs, ys);
  assert.ok(Math.abs(fit.slope - slope) < 1e-12, `${fit.slope} vs ${slope}`);
  assert.ok(Math.abs(fit.intercept - intercept) < 1e-10, `${fit.intercept} vs ${intercept}`);
});
