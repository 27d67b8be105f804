/**
 * Writes JSON files atomically (temp file, then rename) in Python's layout: nothing is
 * left at the target if the process fails or is interrupted half way.
 */
import { openAtomicWriteStream } from "../files/index";
import type { JsonValue } from "./json-value";
import {
  type EncodedJson,
  type PythonJsonOptions,
  writePythonJson,
  writePythonJsonItems,
} from "./write-python-json";

/** `json.dump(value, open(path, "w"), …)`, atomically. */
export async function writePythonJsonFile(
  path: string,
  value: JsonValue,
  options: PythonJsonOptions = {},
): Promise<void> {
  const out = await openAtomicWriteStream(path);
  try {
    await writePythonJson(value, out, options);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}

/** `json.dump(list(items), open(path, "w"), …)` streamed from an iterable, atomically. */
export async function writePythonJsonItemsFile(
  path: string,
  items: Iterable<JsonValue | EncodedJson> | AsyncIterable<JsonValue | EncodedJson>,
  options: PythonJsonOptions = {},
): Promise<number> {
  const out = await openAtomicWriteStream(path);
  try {
    const n = await writePythonJsonItems(items, out, options);
    await out.commit();
    return n;
  } catch (e) {
    await out.abort();
    throw e;
  }
}
