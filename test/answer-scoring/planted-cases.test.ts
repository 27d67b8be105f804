/**
 * Answers that planted bugs showed misread: the pronoun "I" read as option I when there are
 * nine or more options, and text around or between `<think>` blocks. The expected letters
 * are what a careful reader reads.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ChoiceOption, extractChoice } from "../../lib/answer-scoring/index";

const nine: ChoiceOption[] = "ABCDEFGHI".split("").map((letter, i) => ({
  letter,
  text: [
    "a cat",
    "a dog",
    "a car",
    "a bird",
    "a tree",
    "a house",
    "a boat",
    "a lamp",
    "an ink pot",
  ][i],
}));

test('"I think …" is the pronoun, not option I, with nine options', () => {
  const cases: [string, string | null][] = [
    ["I think the answer is B.", "B"],
    ["I think (C).", "C"],
    ["I believe it is a boat", "G"],
    ["I guess none of them", null],
    ["I", "I"],
    ["(I) an ink pot", "I"],
    ["I.", "I"],
    ["I an ink pot", "I"],
    ["The answer is I.", "I"],
  ];
  for (const [answer, want] of cases) assert.equal(extractChoice(answer, nine), want, answer);
});

test("text around and between <think> blocks: the answer outside them counts", () => {
  const cases: [string, string | null][] = [
    ["<think>A is wrong, maybe D</think>\nThe answer is B.", "B"],
    ["Answer: <think>hmm, A?</think> C", "C"],
    ["<think>first A</think>B<think>then D</think>", "B"],
    ["<think>A</think>\n\n<think>D</think>\n(E)", "E"],
    ["<THINK>shouting A</THINK> a dog", "B"],
    ["<think>only thoughts, D</think>", null],
  ];
  for (const [answer, want] of cases) assert.equal(extractChoice(answer, nine), want, answer);
});
