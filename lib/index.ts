export * from "./hub/index";
