export * from "./synthesis/index";
