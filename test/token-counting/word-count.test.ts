import assert from "node:assert/strict";
import { test } from "node:test";
import { countWords } from "../../lib/token-counting/index";
import { variedStrings } from "./varied-strings";

// The oracle is the definition the words tokenizer documents: the matches of /\S+/g.
const byRegex = (s: string) => (s.match(/\S+/g) ?? []).length;

test("words: every BMP character splits (or joins) words as /\\S+/ does", () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const s = `a${String.fromCharCode(c)}b ${String.fromCharCode(c)}`;
    if (countWords(s) !== byRegex(s)) wrong.push(c.toString(16));
  }
  assert.deepEqual(wrong, []);
});

test("words: hostile strings (escapes, CJK, emoji, control characters, empty) as /\\S+/ counts them", () => {
  const strings = [
    ...variedStrings(500),
    "",
    " ",
    "\u3000x\u3000",
    "\ufeffy",
    "a\u200bb",
    "😀 😀\t😀",
  ];
  for (const s of strings) assert.equal(countWords(s), byRegex(s), JSON.stringify(s));
});
