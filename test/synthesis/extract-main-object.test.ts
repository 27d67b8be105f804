import assert from "node:assert/strict";
import { test } from "node:test";
import {
  changeAttribute,
  extractMainObject,
  findLexiconAttribute,
} from "../../lib/synthesis/index";

test("the tagger finds the main object, not the picture, as written in the caption", () => {
  const cases: [string, string, string][] = [
    ["The image shows a person dancing.", "person", "person"],
    ["The image illustrates a cozy living room.", "living room", "cozy living room"],
    [
      "A red double-decker bus is parked beside a brick building.",
      "double-decker bus",
      "red double-decker bus",
    ],
    ["A close-up of three black coins on a wooden table.", "coins", "black coins"],
    ["The image features a split-screen of two landscapes.", "split-screen", "split-screen"],
    ["The image shows a school bus parked outside a school.", "school bus", "school bus"],
    ["Two golden retrievers play in a snowy backyard.", "retrievers", "golden retrievers"],
    [
      "The image depicts a vintage red telephone booth on a street.",
      "telephone booth",
      "vintage red telephone booth",
    ],
    [
      "The image shows a close-up of a person's hand holding a smartphone.",
      "person's hand",
      "person's hand",
    ],
    ["The image shows a bicycle leaning against a brick wall.", "bicycle", "bicycle"],
  ];
  for (const [caption, nounPhrase, object] of cases) {
    assert.deepEqual(extractMainObject(caption), { nounPhrase, object }, caption);
  }
  assert.equal(extractMainObject("It is raining."), undefined);
});

test("lexicon attributes are found in plain captions, with their subject", () => {
  const found = findLexiconAttribute({
    id: "1",
    text: "The picture shows a man wearing a loose polo shirt.",
  });
  assert.equal(found?.kind.kind, "fit");
  assert.equal(found?.value, "loose");
  assert.equal(found?.subject, "polo shirt");
  // "orange" names a fruit here, not a colour of what follows.
  assert.equal(findLexiconAttribute({ id: "2", text: "An orange on a plate." }), undefined);
});

test("changing an attribute keeps the sentence and fixes its article", () => {
  const t = "A man in a loose shirt walks.";
  assert.equal(
    changeAttribute(t, t.indexOf("loose"), 5, "oversized"),
    "A man in an oversized shirt walks.",
  );
  const u = "An empty mug sits there.";
  assert.equal(changeAttribute(u, 3, 5, "full"), "A full mug sits there.");
  const v = "Dimly lit rooms at night.";
  assert.equal(changeAttribute(v, 0, 9, "brightly lit"), "Brightly lit rooms at night.");
});
