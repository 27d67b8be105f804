/**
 * t3kit's library, one folder per paper stage or concern, in the order data flows.
 * Notebooks import everything from here: `import { … } from "./lib/index"`.
 */
// Shared floors: they import no stage.
export * from "./errors/index";
export * from "./files/index";
export * from "./paths/index";
export * from "./progress/index";
export * from "./records/index";
export * from "./specs/index";
export * from "./pyrandom/index";
export * from "./json/index";
export * from "./http/index";
export * from "./hub/index";
export * from "./plots/index";
export * from "./tables/index";
export * from "./statistics/index";
export * from "./notebooks/index";
export * from "./token-counting/index";
export * from "./model-server/index";
export * from "./answer-scoring/index";
// The stages, in the order data flows (probing stands beside them).
export * from "./probing/index";
export * from "./synthesis/index";
export * from "./mixing/index";
export * from "./tokens/index";
export * from "./training/index";
export * from "./paper-numbers/index";
export * from "./evaluation/index";
export * from "./report/index";
// The classroom: exercises, self-checks, release and grading.
export * from "./teaching/index";
