export * from "./pyrandom/index";
