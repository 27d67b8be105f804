export {
  writeFileAtomic,
  openAtomicWriteStream,
  tempPathFor,
  type AtomicWriteStream,
} from "./write-file-atomic";
export { sha256File } from "./sha256-file";
export { refuseOutputOverInput } from "./refuse-output-over-input";
