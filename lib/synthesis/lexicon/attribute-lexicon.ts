/**
 * The attribute lexicon we write: for each kind of visual attribute, the phrases a caption
 * may use for it and how a question asks about its change. A caption that carries one of
 * these phrases right before the thing it qualifies ("a loose polo shirt", "a dimly lit
 * kitchen") can be turned into a second keyframe that differs in that attribute alone.
 *
 * Scales (lighting, size, fullness, ripeness) list their values from low to high and ask
 * with comparatives ("it becomes brighter"), as the paper's Figure 4 does for lighting.
 * The other kinds ask "from loose to tight-fitting".
 */

export interface AttributeKind {
  kind: string;
  /** The phrases, as they appear in captions; for a scale, from low to high. */
  values: readonly string[];
  /** Question templates; `{subject}` is replaced by what the attribute qualifies. */
  questions: readonly string[];
  /** For a scale: the option for a rise and for a fall. */
  comparative?: { up: string; down: string };
}

export const UNCHANGED_OPTION = "it remains unchanged";

export const ATTRIBUTE_LEXICON: readonly AttributeKind[] = [
  {
    kind: "lighting",
    values: ["dimly lit", "softly lit", "brightly lit"],
    questions: [
      "How does the lighting condition change in the scene?",
      "How does the brightness of the {subject} change over the video?",
      "What happens to the lighting of the {subject} as the video goes on?",
    ],
    comparative: { up: "it becomes brighter", down: "it becomes dimmer" },
  },
  {
    kind: "size",
    values: ["tiny", "medium-sized", "huge"],
    questions: [
      "How does the size of the {subject} change?",
      "What happens to the size of the {subject} in the video?",
    ],
    comparative: { up: "it becomes larger", down: "it becomes smaller" },
  },
  {
    kind: "fullness",
    values: ["empty", "half-full", "full"],
    questions: [
      "How does the {subject} change over the course of the video?",
      "What happens to the contents of the {subject} in the video?",
    ],
    comparative: { up: "it becomes fuller", down: "it becomes emptier" },
  },
  {
    kind: "ripeness",
    values: ["unripe", "ripe", "overripe"],
    questions: ["How does the ripeness of the {subject} change?"],
    comparative: { up: "it becomes riper", down: "it becomes less ripe" },
  },
  {
    kind: "fit",
    values: ["loose", "tight-fitting", "oversized"],
    questions: [
      "How does the fit of the {subject} change?",
      "What change happens to the fit of the {subject} in the video?",
    ],
  },
  {
    kind: "colour",
    values: [
      "red",
      "blue",
      "green",
      "yellow",
      "white",
      "black",
      "orange",
      "purple",
      "pink",
      "gray",
      "brown",
    ],
    questions: [
      "How does the colour of the {subject} change in the video?",
      "What happens to the colour of the {subject}?",
      "How does the {subject} change in colour?",
    ],
  },
  {
    kind: "state",
    values: ["open", "closed", "half-open"],
    questions: [
      "How does the state of the {subject} change?",
      "What happens to the {subject} during the video?",
    ],
  },
  {
    kind: "cleanliness",
    values: ["spotless", "dusty", "muddy"],
    questions: ["How does the condition of the {subject} change?"],
  },
  {
    kind: "wetness",
    values: ["dry", "damp", "soaking wet"],
    questions: ["How does the {subject} change over the video?"],
    comparative: { up: "it becomes wetter", down: "it becomes drier" },
  },
  {
    kind: "expression",
    values: ["smiling", "frowning", "laughing"],
    questions: [
      "How does the expression of the {subject} change?",
      "What change happens to the face of the {subject}?",
    ],
  },
  {
    kind: "weather",
    values: ["sunny", "cloudy", "stormy"],
    questions: ["How does the weather over the {subject} change in the video?"],
  },
];

/** The kind with this name, or undefined. */
export function attributeKind(kind: string): AttributeKind | undefined {
  return ATTRIBUTE_LEXICON.find((k) => k.kind === kind);
}

/** Every kind that lists both phrases (case-insensitive). */
export function kindsWithValues(a: string, b: string): AttributeKind[] {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return ATTRIBUTE_LEXICON.filter((k) => k.values.includes(x) && k.values.includes(y));
}
