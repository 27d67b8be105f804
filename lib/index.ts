export * from "./pyrandom/index";
export * from "./json/index";
export * from "./mixing/index";
