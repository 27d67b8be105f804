export * from "./pyrandom/index";
export * from "./json/index";
