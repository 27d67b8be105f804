/**
 * The paraphrase pools items draw their wording from. The released data draws the
 * instruction before the captions and the answer prompt after the options from pools
 * (two verbatim prefixes and three verbatim suffixes are seen in the released
 * MMInstruction/Video-T3-QA rows; they come first here, the rest are ours).
 */

export const PREFIX_POOL: readonly string[] = [
  "Based on the following captions describing keyframes of a video, answer the next question.",
  "Using the video captions displayed in a sequential manner as reference, respond to the forthcoming question.",
  "Read the captions below, which describe the keyframes of a video in order, and answer the question that follows.",
  "The captions below describe the keyframes of a video in temporal order. Use them to answer the question.",
  "Given these captions of consecutive video keyframes, answer the question after them.",
  "Consider the following keyframe captions, listed in the order they occur in the video, and answer the question.",
];

export const SUFFIX_POOL: readonly string[] = [
  "Provide only the top choice:",
  "Only give the best option:",
  "Deliver only the best choice:",
  "Answer with the option only:",
  "Respond with the correct option only:",
  "Give just the best answer:",
];

/** Order, noun-phrase options. The first is the paper's Figure 4 wording. */
export const ORDER_LIST_QUESTIONS: readonly string[] = [
  "What is the correct order of images as they appear in the video?",
  "In what order do the following objects appear in the video?",
  "Which sequence matches the order in which the objects appear in the video?",
  "How are the images ordered in the video?",
];

/** Order, index arrangement; `{list}` is "(1) die (2) book cover …". Figure 4's first. */
export const ORDER_ARRANGE_QUESTIONS: readonly string[] = [
  "Arrange the images from the video according to their sequence: {list}.",
  "Put the following images in the order they appear in the video: {list}.",
  "Order these images as they occur in the video: {list}.",
];

/** Order, the teaser's form; `{items}` is a comma list. The teaser's wording first. */
export const ORDER_ITEMS_QUESTIONS: readonly string[] = [
  "Arrange the following items in correct order based on the context: {items}.",
  "Sort the following items by when they appear in the video: {items}.",
];

/** Order templates: the questions of the three shuffle variants. */
export const ORDER_TEMPLATE_QUESTIONS: readonly string[] = [
  "How do the scenes unfold in the video, starting from the first?",
  "Which description matches the order of events in the video?",
  "What happens in the video, in order?",
  "Which statement describes the sequence of the video correctly?",
];

/** Connectives the phrase variant joins noun phrases with (one per item). */
export const ORDER_CONNECTIVES: readonly string[] = [
  ", then ",
  ", followed by ",
  ", and after that ",
];

/** Ordinal prefixes of the prefix variant: [first, middle…, last] (one set per item). */
export const ORDER_PREFIX_SETS: readonly (readonly [string, string, string])[] = [
  ["First", "then", "finally"],
  ["At the start", "next", "at the end"],
  ["Initially", "after that", "lastly"],
];

/** Referring, time → object; `{time}` is begin / middle / end. Figure 4's first. */
export const REFER_TEMP2ANY_QUESTIONS: readonly string[] = [
  "What objects are shown in the image in the {time} of the video?",
  "Which object appears in the {time} of the video?",
  "What can be seen in the {time} of the video?",
];

/** Referring, object → time. */
export const REFER_ANY2TEMP_QUESTIONS: readonly string[] = [
  "When does the video show the {object}?",
  "In which part of the video are the {object} shown?",
];

/** Referring around an anchor, time → object; `{rel}` is "after" / "before". */
export const REFER_ANCHOR_TEMP2ANY_QUESTIONS: readonly string[] = [
  "What is shown right {rel} the {anchor}?",
  "Which object appears immediately {rel} the {anchor}?",
];

/** Referring around an anchor, object → time. */
export const REFER_ANCHOR_ANY2TEMP_QUESTIONS: readonly string[] = [
  "When does the {object} appear in the video?",
  "Where in the sequence is the {object} shown?",
];

/** Grounding. Figure 4's wording first. */
export const GROUNDING_QUESTIONS: readonly string[] = [
  "Where in the video can we observe the {object}?",
  "In which part of the video can we see the {object}?",
];

/** The three parts of a video, as the paper names them ("the begin"). */
export const TIME_WORDS = ["begin", "middle", "end"] as const;
