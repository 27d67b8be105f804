/**
 * extractChoice against hand-checked readings and against the released scorer itself:
 * `extract_characters_regex` + `match_answer` of `probing/longva_inference.py`
 * (llyx97/video-t3), run by python3. Every answer where the two disagree must be one of the
 * released regex's known misreadings listed here; everywhere else they agree.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ChoiceOption, extractChoice, scoreChoice } from "../../lib/answer-scoring/index";
import { runPythonJson } from "../oracle/run-python";

const lettered = (texts: string[]): ChoiceOption[] =>
  texts.map((text, i) => ({ letter: String.fromCharCode(65 + i), text }));

const REFERRING = lettered(["a person", "a cat", "a flower"]);
const GROUNDING = lettered(["the begin", "the middle", "the end"]);
const BLOOMING = lettered(["Bloom", "Unbloom"]);
const BRIGHTNESS = lettered(["Brighten", "Darken"]);
const ORDER = lettered(["cat, person", "person, cat"]);
const ORDER_3 = lettered([
  "cat, person, flower",
  "cat, flower, person",
  "person, cat, flower",
  "person, flower, cat",
  "flower, person, cat",
  "flower, cat, person",
]);

/** [options, answer, the letter a careful reader takes (null: none)] */
const CASES: [ChoiceOption[], string, string | null][] = [
  [REFERRING, "A", "A"],
  [REFERRING, "(B)", "B"],
  [REFERRING, "(b)", "B"],
  [REFERRING, "b", "B"],
  [REFERRING, "C.", "C"],
  [REFERRING, "B) a cat", "B"],
  [REFERRING, "(B) a cat", "B"],
  [REFERRING, "The best answer is B.", "B"],
  [REFERRING, "The answer is: (C) a flower", "C"],
  [REFERRING, "**Answer: B**", "B"],
  [REFERRING, "Option B", "B"],
  [REFERRING, "a cat", "B"],
  [REFERRING, "A cat.", "B"],
  [REFERRING, "A flower", "C"],
  [REFERRING, "A person.", "A"],
  [REFERRING, "A cat is shown at the beginning of the video.", "B"],
  [REFERRING, "A is correct.", "A"],
  [REFERRING, "<think>The first frames show a cat.</think>B", "B"],
  [REFERRING, "I see a cat and a person.", null],
  [REFERRING, "", null],
  [REFERRING, "   \n\t", null],
  [REFERRING, "It is unclear from the video.", null],
  [REFERRING, "猫 (B)", "B"],
  [REFERRING, "🐱 a cat", "B"],
  [REFERRING, "D", null],
  [GROUNDING, "the middle", "B"],
  [GROUNDING, "In the middle of the video.", "B"],
  [GROUNDING, "The End", "C"],
  [GROUNDING, "(A) the begin.", "A"],
  [BLOOMING, "Bloom", "A"],
  [BLOOMING, "Unbloom.", "B"],
  [BLOOMING, "B", "B"],
  [BLOOMING, "The flower blooms.", null],
  [BRIGHTNESS, "Darken", "B"],
  [BRIGHTNESS, "Darken (the scene gets dimmer)", "B"],
  [BRIGHTNESS, "Brighten.", "A"],
  [BRIGHTNESS, "(A) Brighten", "A"],
  [ORDER, "cat, person", "A"],
  [ORDER, "person, cat.", "B"],
  [ORDER, "The correct order that the items appear in the video is: person, cat", "B"],
  [ORDER_3, "flower, cat, person", "F"],
  [ORDER_3, "E", "E"],
  [ORDER_3, "(D) person, flower, cat", "D"],
];

test("reads the option a careful reader reads, and null when none", () => {
  const wrong = CASES.filter(
    ([options, answer, want]) => extractChoice(answer, options) !== want,
  ).map(([options, answer, want]) => ({ answer, want, got: extractChoice(answer, options) }));
  assert.deepEqual(wrong, []);
});

test("an option's text starting with the article 'a' is not option A", () => {
  assert.equal(extractChoice("A cat", REFERRING), "B");
  assert.equal(extractChoice("A flower.", REFERRING), "C");
  assert.equal(scoreChoice("A cat", REFERRING, "A"), 0);
  assert.equal(scoreChoice("A cat", REFERRING, "B"), 1);
});

test("hostile answers never throw and never invent a letter", () => {
  const hostile = [
    "\u0000\u0007B",
    "((((((((",
    "[".repeat(10_000),
    "x".repeat(200_000),
    "\ud800 lone surrogate",
    "$^.*+?()[]{}|\\",
    "Ｂ",
    "a\u0301 cat",
  ];
  for (const answer of hostile) {
    const got = extractChoice(answer, REFERRING);
    assert.ok(got === null || ["A", "B", "C"].includes(got), `${JSON.stringify(answer)} → ${got}`);
  }
  assert.equal(extractChoice("x".repeat(200_000), REFERRING), null);
  // Option texts with regex characters are matched literally.
  const odd = lettered(["a (cat)", "a [dog]*"]);
  assert.equal(extractChoice("a [dog]*", odd), "B");
  assert.equal(extractChoice("it is a (cat) for sure", odd), "A");
});

/** The released scorer, transcribed from probing/longva_inference.py; reads JSON on stdin. */
const RELEASED_SCORER = String.raw`
import json, re, sys
def match_answer(response, labels):
    return response.strip().lower() in [l.strip().lower() for l in labels]
def extract_characters_regex(s, options):
    s = s.strip()
    answer_prefixes = ["The best answer is", "The correct answer is", "The answer is", "The answer",
        "The best option is" "The correct option is", "Best answer:" "Best option:",
        "The correct order that the items appear in the video is: ",
        "The correct order that the items appear in the video is ",
        "The item shown in the beginning of the video is "]
    for p in answer_prefixes:
        s = s.replace(p, "")
    m = re.search(r"[ABCD]", s)
    if m is None:
        for opt in options:
            m = re.search(opt, s)
            if m is not None:
                return m[0]
        return ""
    return m[0]
out = []
for case in json.load(sys.stdin):
    pred, labels, options = case["pred"], case["labels"], case["options"]
    r = extract_characters_regex(pred, options)
    out.append(1 if match_answer(pred.replace(".", ""), labels) or match_answer(r, labels) else 0)
print(json.dumps(out))
`;

/** The released accepted labels for the correct option: "(b)", "(B) a cat", "a cat", "B". */
function releasedLabels(option: ChoiceOption): string[] {
  return [
    `(${option.letter.toLowerCase()})`,
    `(${option.letter}) ${option.text}`,
    option.text,
    option.letter,
  ];
}

/** Answers the released regex scores wrongly, and why. */
const RELEASED_MISREADS = [
  "**Answer: B**", // the first capital A-D is the "A" of "Answer"
  "A cat is shown at the beginning of the video.", // the article "A" is read as option A
  "Darken (the scene gets dimmer)", // the "D" of "Darken" is read as a letter
];

test("agrees with the released scorer except on its known misreadings", () => {
  const cases = CASES.filter(([, , want]) => want !== null).map(([options, answer, want]) => ({
    pred: answer,
    labels: releasedLabels(options.find((o) => o.letter === want)!),
    options: options.map((o) => o.text),
    ours: scoreChoice(answer, options, want!),
  }));
  const released = runPythonJson<number[]>(RELEASED_SCORER, JSON.stringify(cases));
  const disagreements = cases.filter((c, i) => c.ours !== released[i]).map((c) => c.pred);
  assert.deepEqual([...disagreements].sort(), [...RELEASED_MISREADS].sort());
  // The misreadings the kit exists to fix really are misread by the released scorer.
  assert.ok(disagreements.includes("A cat is shown at the beginning of the video."));
});
