export type { ChoiceOption } from "./choice-option";
export { extractChoice } from "./extract-choice";
export { scoreChoice } from "./score-choice";
