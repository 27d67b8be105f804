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

/** Items in order: the order of `options` is the order of the words in each class folder. */
function order(
  name: "order" | "order_3",
  options: string[],
  epochs: ProbingAspect["epochs"],
): ProbingAspect {
  const folder: Record<string, string> = { cat: "cats", person: "people", flower: "bloom" };
  return {
    name,
    group: "Order",
    question: "What is the correct order that the items appear in the video?",
    options,
    classes: options.map((o) =>
      o
        .split(", ")
        .map((item) => folder[item])
        .join("_"),
    ),
    suffix: ORDER_SUFFIX,
    trainDir: `${name}/black_bg`,
    valDir: `${name}/white_bg`,
    epochs,
  };
}

/** A change over the video (an attribute): each class folder and the option that names it. */
function attribute(
  name: "blooming" | "brightness",
  question: string,
  choices: Record<string, string>,
  dirs: [string, string],
): ProbingAspect {
  return {
    name,
    group: "Attribute",
    question,
    options: Object.values(choices),
    classes: Object.keys(choices),
    suffix: OPTION_SUFFIX,
    trainDir: dirs[0],
    valDir: dirs[1],
    epochs: { linear: 200, lstm: 80 },
  };
}

export const PROBING_ASPECTS: readonly ProbingAspect[] = [
  order("order", ["cat, person", "person, cat"], { linear: 100, lstm: 15 }),
  order(
    "order_3",
    [
      "cat, person, flower",
      "cat, flower, person",
      "person, cat, flower",
      "person, flower, cat",
      "flower, person, cat",
      "flower, cat, person",
    ],
    { linear: 200, lstm: 120 },
  ),
  referring("begin"),
  referring("middle"),
  referring("end"),
  grounding("people", "a person"),
  grounding("cats", "a cat"),
  grounding("bloom", "a flower"),
  attribute(
    "blooming",
    "Does the flower bloom or unbloom (the video of blooming is played in reverse) in the video?",
    { bloom: "Bloom", bloom_reverse: "Unbloom" },
    ["blooming_black_bg", "blooming_white_bg"],
  ),
  attribute(
    "brightness",
    "Does the brightness increase (brighten) or decrease (darken) in the video?",
    { brighten: "Brighten", darken: "Darken" },
    // Brightness trains on a car and validates on a cat, as released.
    ["bright_dark_car", "bright_dark_cat"],
  ),
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
  if (list === undefined || list.trim() === "all") return [...PROBING_ASPECTS];
  const items = list.split(",").map((s) => s.trim());
  // An empty list is a mistake (an unset shell variable), never "all".
  if (items.some((s) => s === ""))
    throw new Error(`"${list}" has an empty item; leave it out or say all for every aspect`);
  const names = new Set(items);
  for (const name of names) probingAspect(name);
  return PROBING_ASPECTS.filter((a) => names.has(a.name));
}
