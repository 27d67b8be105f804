export {
  writeFileAtomic,
  openAtomicWriteStream,
  tempPathFor,
  type AtomicWriteStream,
} from "./write-file-atomic";
export { sha256File } from "./sha256-file";
