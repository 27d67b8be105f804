import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { csvText, toDataFrame } from "../../lib/tables/index";

test("CSV with commas, quotes and newlines reads back identically with Python's csv module", () => {
  const rows = [
    { claim: 'T3 gives "+5.3", without video', n: 5.3, note: null },
    { claim: "two\nlines", n: -1, note: "ok" },
  ];
  const text = csvText(toDataFrame(rows));
  const py = execFileSync(
    "python3",
    ["-c", "import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin))))"],
    {
      input: text,
      encoding: "utf8",
    },
  );
  assert.deepEqual(JSON.parse(py), [
    ["claim", "n", "note"],
    ['T3 gives "+5.3", without video', "5.3", ""],
    ["two\nlines", "-1", "ok"],
  ]);
});
