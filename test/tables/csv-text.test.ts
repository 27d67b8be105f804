import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { csvRows, csvText, toDataFrame } from "../../lib/tables/index";
import { DEBIAN_PYTHON } from "../oracle/debian-python";

/** Debian's python3 running `code` with `input` on stdin; its stdout as text. */
function debianPython(code: string, input: string): string {
  return execFileSync(DEBIAN_PYTHON, ["-c", code], { input, encoding: "utf8" });
}

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

// Hostile fields: spaces at either end and a byte-order mark (papaparse quotes them, Python
// does not), quotes, commas, LF, CRLF, tabs, control characters, CJK, emoji, empty fields,
// and a row of one empty field (Python writes `""`, not a blank line a reader drops).
const HOSTILE: unknown[][] = [
  ["name", "kind", "note"],
  [" lead", "trail ", "\ufeffbom"],
  ['say "hi"', "a,b", "two\nlines"],
  ["crlf\r\nend", "\ttab", "\u0001\u001f"],
  ["日本語", "😀 emoji", ""],
  [""],
  [],
  ["", "", ""],
  ['"', ",", "\n"],
];

test("csvRows writes the bytes Python's csv.writer writes (lineterminator \\n)", () => {
  const expected = debianPython(
    "import csv, json, sys\nw = csv.writer(sys.stdout, lineterminator='\\n')\nfor row in json.load(sys.stdin): w.writerow(row)",
    JSON.stringify(HOSTILE),
  );
  assert.equal(csvRows(HOSTILE), expected);
});

test("a bare carriage return is quoted, so Python's csv.reader reads the row back whole", () => {
  const rows = [
    ["a\rb", "x"],
    ["\r", ""],
  ];
  const read = JSON.parse(
    debianPython(
      "import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))",
      csvRows(rows),
    ),
  );
  assert.deepEqual(read, rows);
});

test("csvText: null and NaN are empty cells; a one-column table keeps its empty cell", () => {
  const text = csvText(toDataFrame([{ v: "x" }, { v: null }, { v: "" }]));
  assert.equal(text, 'v\nx\n""\n""\n');
  const read = JSON.parse(
    debianPython(
      "import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))",
      text,
    ),
  );
  assert.deepEqual(read, [["v"], ["x"], [""], [""]]);
});
