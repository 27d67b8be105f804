import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  type PairedOutcome,
  correlateRuns,
  mcnemarExactP,
  pairedBootstrap,
  pairedDifferences,
  pearsonTest,
  readCorrelationCsv,
  stratifiedDifference,
} from "../../lib/evaluation/index";
import type { IngestedRun } from "../../lib/evaluation/index";
import { PythonRandom } from "../../lib/pyrandom/index";
import { debianPythonJson } from "../oracle/debian-python";

// Pearson r in 50-digit arithmetic and the two-sided p from the regularised incomplete beta
// function, P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2): mpmath, not the t CDF the kit uses.
const MPMATH_PEARSON = `
import json, sys, mpmath
mpmath.mp.dps = 50
out = []
for xs, ys in json.load(sys.stdin):
    xs = [mpmath.mpf(repr(v)) for v in xs]; ys = [mpmath.mpf(repr(v)) for v in ys]
    n = len(xs); mx = sum(xs) / n; my = sum(ys) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys))
    r = sxy / mpmath.sqrt(sum((a - mx) ** 2 for a in xs) * sum((b - my) ** 2 for b in ys))
    df = n - 2
    t2 = r * r * df / (1 - r * r)
    p = mpmath.betainc(mpmath.mpf(df) / 2, mpmath.mpf(1) / 2, 0, df / (df + t2), regularized=True)
    out.append([float(r), float(p)])
print(json.dumps(out))
`;

test("Pearson r and two-sided p agree with an mpmath computation (incl. n = 3, negative and tiny p)", () => {
  const rng = new PythonRandom(5);
  const cases: [number[], number[]][] = [
    [
      [38.1, 46.6, 69.6, 77.7, 86.2, 90.0, 94.7],
      [41.0, 54.2, 57.2, 61.0, 60.6, 60.4, 61.2],
    ],
    [
      [1, 2, 3],
      [2, 1, 4],
    ],
    [
      [10, 20, 30, 40, 50],
      [9.5, 7.25, 6.0, 3.5, 1.0],
    ],
    [
      Array.from({ length: 40 }, (_, i) => i),
      Array.from({ length: 40 }, (_, i) => 2 * i + rng.random()),
    ],
    [
      Array.from({ length: 25 }, () => rng.random()),
      Array.from({ length: 25 }, () => rng.random()),
    ],
  ];
  const oracle = debianPythonJson<[number, number][]>(MPMATH_PEARSON, JSON.stringify(cases));
  cases.forEach(([xs, ys], i) => {
    const c = pearsonTest(xs, ys, { file: "t", field: "b" });
    const [r, p] = oracle[i];
    assert.ok(Math.abs(c.r - r) < 1e-12, `case ${i}: r ${c.r} vs ${r}`);
    assert.ok(
      Math.abs(c.p - p) <= 1e-9 * Math.max(p, 1e-300) + 1e-300,
      `case ${i}: p ${c.p} vs ${p}`,
    );
    assert.equal(c.n, xs.length);
  });
});

test("correlate reads run,textual,<benchmarks>; blanks lower n; bad input names file, line and column", () => {
  const text =
    "run,textual,tempcompass,videomme\na,38.1,41.0,35.0\nb,46.6,54.2,\nc,69.6,57.2,46.1\nd,94.7,61.2,40.2\n";
  const result = correlateRuns(readCorrelationCsv(text, "runs.csv"), "runs.csv");
  assert.deepEqual(Object.keys(result), ["tempcompass", "videomme"]);
  assert.equal(result.tempcompass.n, 4);
  assert.equal(result.videomme.n, 3);
  const refused = (t: string, pattern: RegExp, field?: string, line?: number) => {
    try {
      correlateRuns(readCorrelationCsv(t, "runs.csv"), "runs.csv");
    } catch (err) {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.location.file, "runs.csv");
      assert.match(err.message, pattern);
      if (field !== undefined) assert.equal(err.location.field, field);
      if (line !== undefined) assert.equal(err.location.record, line);
      return;
    }
    assert.fail(`accepted: ${t}`);
  };
  refused(
    "run,textual,mlvu\na,1,2\nb,2,3\n",
    /2 runs with values; a correlation needs at least 3/,
    "mlvu",
  );
  refused("run,textual,mlvu\na,1,2\nb,2,3\nc,3,\n", /2 runs with values/, "mlvu");
  refused("run,textual,mlvu\na,1,5\nb,2,5\nc,3,5\n", /all values are equal/, "mlvu");
  refused("run,textual,mlvu\na,1,2\nb,x,3\nc,3,4\n", /expected a number, got "x"/, "textual", 3);
  refused("run,textual,mlvu\na,1,2\nb,2,0x10\nc,3,4\n", /expected a number, got "0x10"/, "mlvu", 3);
  refused(
    "run,textual,mlvu\na,1,2\nb,2,Infinity\nc,3,4\n",
    /expected a number, got "Infinity"/,
    "mlvu",
    3,
  );
  refused("run,textual,mlvu\na,1,2\nb,2,3\nb,3,4\n", /run "b" appears twice/, "run", 4);
  refused("textual,run,mlvu\n1,a,2\n", /expected the columns run,textual/);
  refused("run,textual\na,1\n", /no benchmark column/);
});

// CPython's random.Random(seed).randrange and numpy's default percentile: the interval the
// kit computes must be the one Python computes from the same draws.
const PYTHON_BOOTSTRAP = `
import json, sys, random, numpy
d = json.load(sys.stdin)
rng = random.Random(d["seed"])
diffs = []
for _ in range(d["iterations"]):
    total = 0.0
    for s in d["strata"]:
        acc = 0
        for _ in range(len(s)):
            a, b = s[rng.randrange(len(s))]
            acc += a - b
        total += 100 * acc / len(s)
    diffs.append(total / len(d["strata"]))
print(json.dumps(list(numpy.percentile(diffs, [2.5, 97.5]))))
`;

test("paired bootstrap: the same interval as CPython's Mersenne Twister + numpy.percentile, plain and stratified", () => {
  const rng = new PythonRandom(11);
  const stratum = (n: number, pRun: number, pBase: number): PairedOutcome[] =>
    Array.from({ length: n }, () => ({
      run: rng.random() < pRun ? 1 : 0,
      baseline: rng.random() < pBase ? 1 : 0,
    }));
  const cases = [
    { strata: [stratum(120, 0.6, 0.5)], seed: 0, iterations: 500 },
    {
      strata: [stratum(17, 0.5, 0.5), stratum(40, 0.9, 0.3), stratum(3, 0.5, 0.5)],
      seed: 1234,
      iterations: 300,
    },
  ];
  for (const c of cases) {
    const mine = pairedBootstrap(c.strata, { seed: c.seed, iterations: c.iterations });
    const py = debianPythonJson<[number, number]>(
      PYTHON_BOOTSTRAP,
      JSON.stringify({
        seed: c.seed,
        iterations: c.iterations,
        strata: c.strata.map((s) => s.map((p) => [p.run, p.baseline])),
      }),
    );
    assert.ok(
      Math.abs(mine.low - py[0]) < 1e-9 && Math.abs(mine.high - py[1]) < 1e-9,
      `${JSON.stringify(mine)} vs ${py}`,
    );
    assert.ok(
      mine.low <= stratifiedDifference(c.strata) && stratifiedDifference(c.strata) <= mine.high,
    );
  }
});

test("exact McNemar p agrees with the binomial sum in exact fractions", () => {
  const pairs: [number, number][] = [
    [0, 0],
    [3, 0],
    [5, 5],
    [12, 3],
    [1, 40],
    [150, 110],
  ];
  const oracle = debianPythonJson<number[]>(
    `import json,sys
from fractions import Fraction
from math import comb
out=[]
for b,c in json.load(sys.stdin):
    n=b+c
    out.append(1.0 if n==0 else float(min(Fraction(1), 2*sum(Fraction(comb(n,k),2**n) for k in range(min(b,c)+1)))))
print(json.dumps(out))`,
    JSON.stringify(pairs),
  );
  pairs.forEach(([b, c], i) => {
    const p = mcnemarExactP(b, c);
    assert.ok(
      Math.abs(p - oracle[i]) <= 1e-12 * oracle[i] + 1e-300,
      `${b},${c}: ${p} vs ${oracle[i]}`,
    );
  });
});

function runOf(
  name: string,
  outcomes: [string, boolean, string[]][] | null,
  rows: [string, string, number][],
): IngestedRun {
  return {
    run: name,
    rows: rows.map(([benchmark, dimension, value]) => ({
      run: name,
      benchmark,
      dimension,
      metric: "accuracy",
      value,
      n: null,
      evaluator: "csv",
      version: "",
      settings: "",
      source: `${name}.csv`,
    })),
    samples: outcomes
      ? new Map([
          [
            "videomme",
            outcomes.map(([key, correct, groups]) => ({
              benchmark: "videomme",
              key,
              correct,
              groups,
            })),
          ],
        ])
      : new Map(),
  };
}

test("differences: an interval only from per-question results; none invented from aggregates; unpaired questions refused", () => {
  const qs = (flip: number): [string, boolean, string[]][] =>
    Array.from({ length: 40 }, (_, i) => [
      `q${i}`,
      (i + flip) % 3 !== 0,
      [i % 2 ? "short" : "long"],
    ]);
  const rowsOf = (o: [string, boolean, string[]][]): [string, string, number][] => [
    ["videomme", "overall", (100 * o.filter((x) => x[1]).length) / o.length],
  ];
  const a = runOf("a", qs(0), rowsOf(qs(0)));
  const b = runOf("b", qs(1), rowsOf(qs(1)));
  const [d] = pairedDifferences(a, b, { iterations: 200, seed: 3 });
  assert.equal(d.n, 40);
  assert.ok(d.low !== null && d.high !== null && d.low <= d.difference && d.difference <= d.high);
  assert.equal(typeof d.mcnemarP, "number");
  const agg = runOf("agg", null, [["videomme", "overall", 60]]);
  const [e] = pairedDifferences(agg, b);
  assert.deepEqual([e.low, e.high, e.mcnemarP, e.n], [null, null, null, null]);
  assert.match(e.note, /no interval: run agg has only aggregate numbers for videomme/);
  assert.ok(Math.abs(e.difference - (60 - b.rows[0].value)) < 1e-12);
  const fewer = runOf("c", qs(1).slice(1), rowsOf(qs(1)));
  assert.throws(
    () => pairedDifferences(a, fewer),
    (err: InputError) =>
      /question q0/.test(err.message) && /not answered in run c/.test(err.message),
  );
  assert.deepEqual(
    pairedDifferences(a, b, { iterations: 200, seed: 3 }),
    pairedDifferences(a, b, { iterations: 200, seed: 3 }),
  );
});
