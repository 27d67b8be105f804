/**
 * JSON as Python's `json` module reads and writes it, for files of any size.
 *
 * Reading (streaming; a 1.6 GB array never becomes one string):
 * - `readJsonArrayRecords(path)`, `readJsonlRecords(path)`, `readRecords(path)` (detects
 *   by the first non-blank byte: `[` → array, else JSONL) → AsyncIterable<{ index, line?,
 *   record }>, records in file order, parsed as `json.load` holds them (json-value.ts).
 * - `scanJsonArrayFile` / `scanJsonlFile` / `scanRecordBatches`: the validated raw bytes of
 *   each record and its file offset, for code that re-emits bytes without parsing.
 * - Errors are `InputError`s naming the file, the record index (or JSONL line) and the field.
 *
 * Writing (byte-identical to Python's `json.dump(obj, f, indent=…)`, ensure_ascii):
 * - `formatPythonJson(value, { indent })` → string; `writePythonJson(value, sink)`;
 *   `writePythonJsonItems(items, sink)` streams a top-level list from an (async) iterable;
 *   `writePythonJsonFile` / `writePythonJsonItemsFile` do the same atomically.
 * - `reindentPythonJson` re-emits a record's source bytes in Python's indent layout
 *   without building objects (the mixer's fast path).
 *
 * The scanner and the re-indenter run in WebAssembly (wasm/json-scan.c, SIMD) when its
 * build is there, else in JavaScript: `jsonScannerImplementation()` says which;
 * T3KIT_JSON_SCANNER=js|wasm picks one.
 *
 * This API is used by other stages (tokens, mixing): keep it stable.
 */
export {
  JsonEntries,
  PyFloat,
  isArrayIndexKey,
  isJsonObject,
  type JsonObject,
  numberFromLexeme,
  type JsonValue,
} from "./json-value";
export { formatPythonFloat } from "./python-float-repr";
export { encodePythonString } from "./encode-python-string";
export {
  EncodedJson,
  formatPythonJson,
  writePythonJson,
  writePythonJsonItems,
  type JsonSink,
  type PythonJsonOptions,
} from "./write-python-json";
export { writePythonJsonFile, writePythonJsonItemsFile } from "./atomic-json-file";
export { parsePythonJson } from "./parse-python-json";
export {
  JsonSyntaxFault,
  NEED_MORE,
  formatPath,
  newTurnProbe,
  skipJsonValue,
  type TopKeyProbe,
  type TurnProbe,
} from "./skip-json-value";
export {
  detectRecordFormat,
  scanJsonArrayFile,
  scanJsonlFile,
  scanRecordBatches,
  type RecordSpan,
  type ScanOptions,
  type TurnSummary,
} from "./scan-json-records";
export {
  parseRecordSpan,
  readAllRecords,
  readJsonArrayRecords,
  readJsonlRecords,
  readRecords,
  type IndexedRecord,
} from "./read-records";
export { ByteBuilder } from "./byte-builder";
export { jsonScannerImplementation, type JsonScannerKind } from "./wasm/json-scan-module";
export {
  PYTHON_COMPACT,
  PYTHON_INDENT_4,
  PYTHON_ONE_LINE,
  RepeatedKey,
  reindentPythonJson,
  type ReindentLayout,
} from "./reindent-python-json";
