import { countRecordTokens } from "../../token-counting/index";
import type { Exercise } from "./exercise";

/** The one-image, one-question record of notebook 04's first cell. */
export const EXAMPLE_RECORD = {
  id: "example",
  image: "coco/photo.jpg",
  conversations: [
    { from: "human", value: "<image>\nWhat are the colors of the bus?" },
    { from: "gpt", value: "White and red." },
  ],
};

const longvaCounts = () => countRecordTokens(EXAMPLE_RECORD, { template: "longva" });

/** Notebook 04: what a template and an image cost. */
export const TOKENS_EXERCISES: Exercise[] = [
  {
    id: "04.1",
    points: 1,
    prompt: "How many tokens does LongVA's chat template add to the example record?",
    hint: "countRecordTokens gives {text, template, visual, total}.",
    expected: async () => (await longvaCounts()).template,
  },
  {
    id: "04.2",
    points: 2,
    prompt: "What share (in %) of the example record's LongVA tokens is the image?",
    hint: "visual / total, times 100.",
    tolerance: 0.05,
    expected: async () => {
      const c = await longvaCounts();
      return (100 * c.visual) / c.total;
    },
  },
];
