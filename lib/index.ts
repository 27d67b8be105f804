/**
 * t3kit's library, one folder per paper stage or concern, in the order data flows.
 * Notebooks import everything from here: `import { … } from "./lib/index"`.
 */
export * from "./errors/index";
export * from "./files/index";
export * from "./paths/index";
export * from "./records/index";
export * from "./pyrandom/index";
export * from "./json/index";
export * from "./synthesis/index";
export * from "./hub/index";
export * from "./mixing/index";
export * from "./token-counting/index";
export * from "./tokens/index";
export * from "./plots/index";
export * from "./tables/index";
export * from "./notebooks/index";
export * from "./paper-numbers/index";
export * from "./progress/index";
