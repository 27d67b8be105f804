// Entry of every worker thread the library starts (startWorker): the library runs from its
// TypeScript sources through tsx, so the worker registers tsx's require hook, then loads
// the TypeScript module it was started for. `tsx/cjs` resolves from this file, whatever
// the working directory.
require("tsx/cjs");
require(require("node:worker_threads").workerData.entry);
