import { TASK_KEYS } from "../../records/index";
import { contextSize } from "../../synthesis/index";
import type { Exercise } from "./exercise";

/** Notebook 02: how many families, how many keyframes at 8x. */
export const SYNTHESIS_EXERCISES: Exercise[] = [
  {
    id: "02.1",
    points: 1,
    prompt: "How many task families does one synthesis run write (count them in `items`)?",
    hint: "Each item names its task; count the distinct ones.",
    expected: () => TASK_KEYS.length,
  },
  {
    id: "02.2",
    points: 2,
    prompt: "How many captions (keyframes) does an order item at 8x context hold?",
    hint: "Look at items of task order with length 8: their `captions`.",
    expected: () => contextSize("order", 8),
  },
];
