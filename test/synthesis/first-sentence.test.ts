import assert from "node:assert/strict";
import { test } from "node:test";
import { firstSentence } from "../../lib/synthesis/index";

test("firstSentence keeps the first sentence of a ReCap caption", () => {
  const cases: [string, string][] = [
    ["The image shows a dog. It is brown and fluffy.", "The image shows a dog."],
    [
      "<image>\nThe image shows a cat on a mat!  Another sentence.",
      "The image shows a cat on a mat!",
    ],
    ["A sign reads Dr. Smith's office. The door is open.", "A sign reads Dr. Smith's office."],
    ["A bottle holds 1.5 liters of water. It is cold.", "A bottle holds 1.5 liters of water."],
    [
      "A poster by J. R. Tolkien hangs on a wall. Below it sits a desk.",
      "A poster by J. R. Tolkien hangs on a wall.",
    ],
    ["Is this a cat? Yes, it is.", "Is this a cat?"],
    ["No full stop at all", "No full stop at all"],
    ["Spread\nover  lines. Next one.", "Spread over lines."],
    ["A store sells e.g. apples and pears. Next.", "A store sells e.g. apples and pears."],
  ];
  for (const [input, want] of cases) assert.equal(firstSentence(input), want, input);
});
