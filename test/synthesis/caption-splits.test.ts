import assert from "node:assert/strict";
import { test } from "node:test";
import { CaptionSplits } from "../../lib/synthesis/index";

test("a repeated caption stays in the split of its first copy; unique captions split by position", () => {
  const texts = Array.from({ length: 24 }, (_, i) => `caption number ${i}`);
  texts[7] = "A dog on a   porch."; // position 7: validation by position
  texts[9] = "a dog on a porch."; // the same text again, in a train position
  texts[3] = "The red car."; // train by position
  texts[15] = "the red car. "; // the same text in a validation position
  const splits = new CaptionSplits(true);
  const got = texts.map((t) => splits.next(t));
  assert.equal(got[7], "validation");
  assert.equal(got[9], "validation");
  assert.equal(got[3], "train");
  assert.equal(got[15], "train");
  // Every other caption: the 8th of each run of 8 goes to validation (the released rule).
  for (const i of [0, 1, 2, 4, 5, 6, 8, 10, 14, 16, 22]) assert.equal(got[i], "train", `#${i}`);
  assert.equal(got[23], "validation");
  const none = new CaptionSplits(false);
  assert.ok(texts.every((t) => none.next(t) === "train"));
});
