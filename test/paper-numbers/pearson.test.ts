import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { correlationChecks, loadPaperTable, pearson } from "../../lib/paper-numbers/index";

test("pearson agrees with Python's statistics.correlation", () => {
  const xs = [38.1, 46.6, 69.6, 77.7, 86.2, 90.0, 94.7];
  const ys = [41.0, 54.2, 57.2, 61.0, 60.6, 60.4, 61.2];
  const py = Number(
    execFileSync(
      "python3",
      [
        "-c",
        `import statistics; print(repr(statistics.correlation(${JSON.stringify(xs)}, ${JSON.stringify(ys)})))`,
      ],
      {
        encoding: "utf8",
      },
    ).trim(),
  );
  assert.ok(Math.abs(pearson(xs, ys) - py) < 1e-12, `${pearson(xs, ys)} vs ${py}`);
});

test("r recomputed from the points read off the plot is close to the printed r", () => {
  const checks = correlationChecks(
    loadPaperTable("correlation"),
    loadPaperTable("correlation-points"),
  );
  const tc = checks.find((c) => c.benchmark === "TempCompass")!;
  assert.equal(tc.statedR, 0.89);
  assert.ok(Math.abs(tc.approxR - tc.statedR) < 0.1, `TempCompass r from points ${tc.approxR}`);
});
