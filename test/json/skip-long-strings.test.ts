import assert from "node:assert/strict";
import { test } from "node:test";
import { JsonSyntaxFault, NEED_MORE, skipJsonValue } from "../../lib/json/index";
import { runPythonJson } from "../oracle/run-python";

// Long strings are checked a word (4 bytes) at a time: a quote, a backslash or a control
// byte must be found wherever it falls relative to the word boundaries, so each special
// byte is tried at every position of strings of many lengths, after paddings that shift
// the alignment; Python's json.loads says which documents are valid.
const SPECIALS = [
  "\u0001",
  "\u001f",
  "\t",
  "\n",
  '\\"',
  "\\\\",
  "\\n",
  "\\u00e9",
  "\\x",
  '"',
  "é",
  "😀",
  "\u007f",
];

function documents(): string[] {
  const docs: string[] = [];
  for (const pad of ["", " ", "  ", "   "])
    for (const len of [0, 3, 7, 15, 16, 17, 23, 31, 40])
      for (const special of SPECIALS)
        for (let at = 0; at <= len; at += len > 20 ? 3 : 1) {
          const filler = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ".slice(0, len);
          docs.push(`${pad}{"k": "${filler.slice(0, at)}${special}${filler.slice(at)}", "n": 1}`);
        }
  return docs;
}

test("long strings: every quote, escape and control byte is seen wherever it falls", () => {
  const docs = documents();
  const want = runPythonJson<boolean[]>(
    `import json, sys
def ok(d):
    try:
        json.loads(d)
        return True
    except ValueError:
        return False
print(json.dumps([ok(d) for d in json.load(sys.stdin)]))`,
    JSON.stringify(docs),
  );
  // One big buffer, the documents at every offset, as the scanners hand them over.
  const all = Buffer.from(docs.join(""), "utf8");
  let offset = 0;
  docs.forEach((doc, k) => {
    const n = Buffer.byteLength(doc);
    let got: boolean;
    try {
      got = skipJsonValue(all, offset, offset + n) === offset + n;
    } catch (e) {
      if (!(e instanceof JsonSyntaxFault)) throw e;
      got = false;
    }
    assert.equal(got, want[k], `${JSON.stringify(doc)} at offset ${offset}`);
    offset += n;
  });
  // A string cut by the buffer's end needs more, whatever its length.
  for (let len = 0; len < 40; len++) {
    const cut = Buffer.from(`{"k": "${"x".repeat(len)}`);
    assert.equal(skipJsonValue(cut, 0, cut.length), NEED_MORE, `cut after ${len}`);
  }
});
