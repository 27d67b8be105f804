export {
  writeFileAtomic,
  openAtomicWriteStream,
  tempPathFor,
  type AtomicWriteStream,
} from "./write-file-atomic";
export { sha256File } from "./sha256-file";
export { refuseOutputOverInput } from "./refuse-output-over-input";
export { firstInvalidUtf8, utf8ValidPrefix, type Utf8Prefix } from "./utf8-valid-prefix";
export { readUtf8Text, utf8TextStream } from "./read-utf8-text";
export { sweepStaleTemps } from "./sweep-stale-temps";
export { openRunFolder, type RunFolder } from "./run-folder";
export {
  requireInputFile,
  requireInputFolder,
  requireOutputFile,
  requireOutputFolder,
} from "./require-paths";
export { lineOfByte } from "./line-of-byte";
export {
  runWithOutputGuard,
  declareInputs,
  placeOutput,
  makeOutputFolder,
  claimAppendedOutput,
  ownOutputFolder,
  type GuardedInput,
  type OutputGuardOptions,
  type PlaceOptions,
} from "./output-guard";
export { kitStateDir } from "./kit-state-dir";
