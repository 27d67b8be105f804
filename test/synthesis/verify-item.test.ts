/**
 * The verifier against items written by hand: each right one must pass, each wrong one
 * (wrong letter, two supported options, duplicate options, answer text differing from
 * its option, an ambiguous phrase) must be rejected.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TaskKey } from "../../lib/records/index";
import { verifyRendered } from "../../lib/synthesis/index";

const PREFIX =
  "Based on the following captions describing keyframes of a video, answer the next question.";

function human(captions: string[], question: string, options: string[]): string {
  const opts = options.map((o, i) => `(${String.fromCharCode(65 + i)}) ${o}`).join(" ");
  return `${PREFIX}\n\nCaptions:\n${captions.join("\n")}\nQuestion: ${question}\n${opts}\n\nProvide only the top choice:\n`;
}

interface Case {
  task: TaskKey;
  captions: string[];
  question: string;
  options: string[];
  right: string;
  wrong: string;
}

const FOUR = [
  "The image shows a die on a wooden table.",
  "The image shows a book cover with a mountain on it.",
  "The image shows a split-screen of two landscapes.",
  "The image shows a school bus parked outside a school.",
];

const CASES: Case[] = [
  {
    task: "order",
    captions: FOUR,
    question: "What is the correct order of images as they appear in the video?",
    options: [
      "book cover, die, school bus, split-screen",
      "die, book cover, split-screen, school bus",
      "school bus, die, book cover, split-screen",
      "die, split-screen, book cover, school bus",
    ],
    right: "(B) die, book cover, split-screen, school bus",
    wrong: "(A) book cover, die, school bus, split-screen",
  },
  {
    // The paper's Figure 4 example: listed (1) die (2) book cover (3) split-screen (4) school bus.
    task: "order",
    captions: [FOUR[1], FOUR[0], FOUR[3], FOUR[2]],
    question:
      "Arrange the images from the video according to their sequence: (1) die (2) book cover (3) split-screen (4) school bus.",
    options: ["(1)(2)(3)(4)", "(2)(1)(4)(3)", "(4)(3)(2)(1)", "(2)(4)(1)(3)"],
    right: "(B) (2)(1)(4)(3)",
    wrong: "(A) (1)(2)(3)(4)",
  },
  {
    // The teaser: person, room, street.
    task: "order",
    captions: [
      "The image shows a person dancing.",
      "The image illustrates a cozy living room.",
      "This image presents a city street.",
    ],
    question:
      "Arrange the following items in correct order based on the context: person, street, room.",
    options: [
      "person, street, room",
      "person, room, street",
      "street, person, room",
      "street, room, person",
      "room, person, street",
      "room, street, person",
    ],
    right: "(B) person, room, street",
    wrong: "(A) person, street, room",
  },
  {
    task: "order_shuffle_phrase",
    captions: FOUR,
    question: "How do the scenes unfold in the video, starting from the first?",
    options: [
      "the die, then the book cover, then the split-screen, then the school bus",
      "the book cover, then the die, then the split-screen, then the school bus",
    ],
    right: "(A) the die, then the book cover, then the split-screen, then the school bus",
    wrong: "(B) the book cover, then the die, then the split-screen, then the school bus",
  },
  {
    task: "order_shuffle_prefix",
    captions: FOUR,
    question: "What happens in the video, in order?",
    options: [
      "First the school bus, then the die, then the book cover, finally the split-screen",
      "First the die, then the book cover, then the split-screen, finally the school bus",
    ],
    right: "(B) First the die, then the book cover, then the split-screen, finally the school bus",
    wrong: "(A) First the school bus, then the die, then the book cover, finally the split-screen",
  },
  {
    task: "order_shuffle_sentence",
    captions: FOUR,
    question: "Which statement describes the sequence of the video correctly?",
    options: [
      "The die appears after the book cover and the school bus",
      "The book cover appears before the split-screen and the school bus",
      "The school bus appears before the die and the split-screen",
    ],
    right: "(B) The book cover appears before the split-screen and the school bus",
    wrong: "(C) The school bus appears before the die and the split-screen",
  },
  {
    task: "attribute",
    captions: [
      "A man wears a loose polo shirt in a park.",
      "A cat sleeps on a sofa.",
      "A man wears a tight-fitting polo shirt in a park.",
    ],
    question: "How does the fit of the polo shirt change?",
    options: [
      "from tight-fitting to loose",
      "it remains unchanged",
      "from loose to tight-fitting",
      "from loose to oversized",
    ],
    right: "(C) from loose to tight-fitting",
    wrong: "(A) from tight-fitting to loose",
  },
  {
    task: "attribute",
    captions: [
      "The image shows a dimly lit kitchen with a table.",
      "The image shows a brightly lit kitchen with a table.",
    ],
    question: "How does the lighting condition change in the scene?",
    options: ["it becomes brighter", "it remains unchanged", "it becomes dimmer"],
    right: "(A) it becomes brighter",
    wrong: "(C) it becomes dimmer",
  },
  {
    task: "refer_begin_end_temp2any",
    captions: [
      "A close-up of black coins on a cloth.",
      "A stack of blue plates in a cupboard.",
      "A basket of red apples at a market.",
    ],
    question: "What objects are shown in the image in the middle of the video?",
    options: ["red apples", "yellow bananas", "blue plates", "black coins"],
    right: "(C) blue plates",
    wrong: "(B) yellow bananas",
  },
  {
    task: "refer_begin_end_any2temp",
    captions: [
      "A close-up of black coins on a cloth.",
      "A stack of blue plates in a cupboard.",
      "A basket of red apples at a market.",
    ],
    question: "When does the video show the red apples?",
    options: ["the begin", "the middle", "the end"],
    right: "(C) the end",
    wrong: "(A) the begin",
  },
  {
    task: "grounding",
    captions: [
      "A close-up of black coins on a cloth.",
      "A stack of blue plates in a cupboard.",
      "A basket of red apples at a market.",
    ],
    question: "Where in the video can we observe the black coins?",
    options: ["the begin", "the middle", "the end"],
    right: "(A) the begin",
    wrong: "(B) the middle",
  },
  {
    task: "refer_anchor_temp2any",
    captions: FOUR,
    question: "What is shown right after the book cover?",
    options: ["die", "split-screen", "school bus", "kettle"],
    right: "(B) split-screen",
    wrong: "(A) die",
  },
  {
    task: "refer_anchor_any2temp",
    captions: FOUR,
    question: "When does the split-screen appear in the video?",
    options: [
      "right before the book cover",
      "right after the book cover",
      "right after the school bus",
      "right before the die",
    ],
    right: "(B) right after the book cover",
    wrong: "(C) right after the school bus",
  },
];

test("hand-written right items pass, with the supported option re-derived", () => {
  for (const c of CASES) {
    const v = verifyRendered(c.task, human(c.captions, c.question, c.options), c.right);
    assert.ok(v.ok, `${c.task} ${c.question}: ${v.problems.join("; ")}`);
  }
});

test("hand-written wrong answers are rejected", () => {
  for (const c of CASES) {
    const v = verifyRendered(c.task, human(c.captions, c.question, c.options), c.wrong);
    assert.equal(v.ok, false, `${c.task}: ${c.wrong} passed`);
    assert.match(v.problems.join(" "), /the captions support/);
  }
});

test("answer text must equal its option", () => {
  const c = CASES[0];
  const v = verifyRendered(c.task, human(c.captions, c.question, c.options), "(B) die, book cover");
  assert.equal(v.ok, false);
  assert.match(v.problems.join(" "), /differs from its option/);
});

test("two supported options, duplicate options and ambiguous phrases are rejected", () => {
  const two = verifyRendered(
    "order",
    human(FOUR, "What is the correct order of images as they appear in the video?", [
      "die, book cover",
      "die, split-screen",
      "book cover, die",
    ]),
    "(A) die, book cover",
  );
  assert.equal(two.ok, false);
  assert.match(two.problems.join(" "), /2 options are supported/);

  const dup = verifyRendered(
    "grounding",
    human(FOUR, "Where in the video can we observe the die?", [
      "the begin",
      "the begin",
      "the end",
    ]),
    "(A) the begin",
  );
  assert.equal(dup.ok, false);
  assert.match(dup.problems.join(" "), /duplicate options/);

  const ambiguous = verifyRendered(
    "grounding",
    human(
      [...FOUR.slice(0, 2), "Another die on a chair."],
      "Where in the video can we observe the die?",
      ["the begin", "the middle", "the end"],
    ),
    "(A) the begin",
  );
  assert.equal(ambiguous.ok, false);

  const twoScenes = verifyRendered(
    "attribute",
    human(
      [
        "A man wears a loose polo shirt.",
        "A man wears a tight-fitting polo shirt.",
        "A red car in a lot.",
        "A blue car in a lot.",
      ],
      "How does the fit of the polo shirt change?",
      ["from loose to tight-fitting", "it remains unchanged", "from tight-fitting to loose"],
    ),
    "(A) from loose to tight-fitting",
  );
  assert.equal(twoScenes.ok, false);
  assert.match(twoScenes.problems.join(" "), /2 caption pairs differ/);
});

test("a layout that is not the released one is rejected", () => {
  const v = verifyRendered(
    "grounding",
    "Captions:\nA die.\nQuestion: Where?\n(A) the begin",
    "(A) the begin",
  );
  assert.equal(v.ok, false);
});
