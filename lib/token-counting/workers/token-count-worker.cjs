// Worker-thread entry: the library runs from its TypeScript sources through tsx, so the
// worker registers tsx's require hook, then loads the TypeScript worker body.
require("tsx/cjs");
require("./token-count-worker-body.ts");
