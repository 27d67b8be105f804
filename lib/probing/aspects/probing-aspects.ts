/**
 * The ten probing aspects of the paper's first study, as the released probing code defines
 * them (`aspect2question`, `aspect2vidpath`, `aspect2epoch` in `probing/longva_inference.py`
 * and `probing/longva_probing.py` of llyx97/video-t3): the question, its options in letter
 * order, the class folder of each option, the folders of the training (black background)
 * and validation (white background) videos, and the probes' epochs.
 */

export type AspectName =
  | "order"
  | "order_3"
  | "referring_begin"
  | "referring_middle"
  | "referring_end"
  | "grounding_people"
  | "grounding_cats"
  | "grounding_bloom"
  | "blooming"
  | "brightness";

/** The groups of the paper's probing figure. */
export type AspectGroup = "Order" | "Attribute" | "Referring" | "Grounding";

export interface ProbingAspect {
  name: AspectName;
  group: AspectGroup;
  /** The question line, verbatim, without "Question: " and the options. */
  question: string;
  /** Option texts in letter order (A, B, …). */
  options: string[];
  /** The class folder of each option, same order. */
  classes: string[];
  /** The instruction after the options, verbatim. */
  suffix: string;
  /** Video folders under the video root, as `aspect2vidpath`. */
  trainDir: string;
  valDir: string;
  /** Epochs of the released probes (`aspect2epoch`). */
  epochs: { linear: number; lstm: number };
}

const ORDER_SUFFIX = "Only respond with the correct option.";
const OPTION_SUFFIX = "Answer the option only.";
const ITEMS = ["a person", "a cat", "a flower"];
const ITEM_CLASSES = ["people", "cats", "bloom"];
const PARTS = ["the begin", "the middle", "the end"];
const PART_CLASSES = ["begin", "middle", "end"];

function referring(part: "begin" | "middle" | "end"): ProbingAspect {
  return {
    name: `referring_${part}`,
    group: "Referring",
    question: `Which item is shown in the ${part} of the video?`,
    options: ITEMS,
    classes: ITEM_CLASSES,
    suffix: OPTION_SUFFIX,
    trainDir: `referring/black_bg/${part}`,
    valDir: `referring/white_bg/${part}`,
    epochs: { linear: 200, lstm: 120 },
  };
}

function grounding(item: "people" | "cats" | "bloom", noun: string): ProbingAspect {
  return {
    name: `grounding_${item}`,
    group: "Grounding",
    question: `In which part of the video can we see ${noun}?`,
    options: PARTS,
    classes: PART_CLASSES,
    suffix: OPTION_SUFFIX,
    trainDir: `grounding/black_bg/${item}`,
    valDir: `grounding/white_bg/${item}`,
    epochs: { linear: 200, lstm: 120 },
  };
}

export const PROBING_ASPECTS: readonly ProbingAspect[] = [
  {
    name: "order",
    group: "Order",
    question: "What is the correct order that the items appear in the video?",
    options: ["cat, person", "person, cat"],
    classes: ["cats_people", "people_cats"],
    suffix: ORDER_SUFFIX,
    trainDir: "order/black_bg",
    valDir: "order/white_bg",
    epochs: { linear: 100, lstm: 15 },
  },
  {
    name: "order_3",
    group: "Order",
    question: "What is the correct order that the items appear in the video?",
    options: [
      "cat, person, flower",
      "cat, flower, person",
      "person, cat, flower",
      "person, flower, cat",
      "flower, person, cat",
      "flower, cat, person",
    ],
    classes: [
      "cats_people_bloom",
      "cats_bloom_people",
      "people_cats_bloom",
      "people_bloom_cats",
      "bloom_people_cats",
      "bloom_cats_people",
    ],
    suffix: ORDER_SUFFIX,
    trainDir: "order_3/black_bg",
    valDir: "order_3/white_bg",
    epochs: { linear: 200, lstm: 120 },
  },
  referring("begin"),
  referring("middle"),
  referring("end"),
  grounding("people", "a person"),
  grounding("cats", "a cat"),
  grounding("bloom", "a flower"),
  {
    name: "blooming",
    group: "Attribute",
    question:
      "Does the flower bloom or unbloom (the video of blooming is played in reverse) in the video?",
    options: ["Bloom", "Unbloom"],
    classes: ["bloom", "bloom_reverse"],
    suffix: OPTION_SUFFIX,
    trainDir: "blooming_black_bg",
    valDir: "blooming_white_bg",
    epochs: { linear: 200, lstm: 80 },
  },
  {
    name: "brightness",
    group: "Attribute",
    question: "Does the brightness increase (brighten) or decrease (darken) in the video?",
    options: ["Brighten", "Darken"],
    classes: ["brighten", "darken"],
    suffix: OPTION_SUFFIX,
    trainDir: "bright_dark_car",
    valDir: "bright_dark_cat",
    epochs: { linear: 200, lstm: 80 },
  },
];

export const ASPECT_GROUPS: readonly AspectGroup[] = [
  "Order",
  "Attribute",
  "Referring",
  "Grounding",
];

/** The aspect of a name; throws naming the known ones. */
export function probingAspect(name: string): ProbingAspect {
  const aspect = PROBING_ASPECTS.find((a) => a.name === name);
  if (!aspect)
    throw new Error(
      `unknown probing aspect "${name}" (known: ${PROBING_ASPECTS.map((a) => a.name).join(", ")})`,
    );
  return aspect;
}

/** Parses "a,b" (or "all") into aspects, in the kit's order, without repeats. */
export function parseAspectList(list: string | undefined): ProbingAspect[] {
  if (list === undefined || list.trim() === "" || list.trim() === "all")
    return [...PROBING_ASPECTS];
  const names = new Set(
    list
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );
  for (const name of names) probingAspect(name);
  return PROBING_ASPECTS.filter((a) => names.has(a.name));
}
