/**
 * Streams the elements of a top-level JSON array file one at a time, so a caption file
 * larger than V8's longest string (about 512 MiB; LLaVA-ReCap JSON files come close) is
 * read in flat memory. Each element is cut out by a small scanner that tracks strings and
 * nesting, then handed to JSON.parse.
 */
import { InputError } from "../errors/index";
import { readUtf8Text } from "../files/index";

/** One array element: its 0-based index and parsed value. */
export interface ArrayElement {
  index: number;
  value: unknown;
}

/** Yields every element (each an object) of the JSON array in `file`; throws InputError naming the index. */
export async function* streamJsonArray(file: string): AsyncGenerator<ArrayElement> {
  const stream = readUtf8Text(file);
  let state: "before" | "between" | "inside" | "after" = "before";
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let index = 0;
  let expectComma = false;
  for await (const chunk of stream as AsyncIterable<string>) {
    let start = state === "inside" ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (state === "inside") {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === "\\") escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === "{" || c === "[") depth++;
        else if (c === "}" || c === "]") depth--;
        if (depth === 0 && (c === "}" || c === "]")) {
          parts.push(chunk.slice(start, i + 1));
          yield { index, value: parseElement(file, index, parts.join("")) };
          index++;
          parts = [];
          state = "between";
          expectComma = true;
        }
        continue;
      }
      if (c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\ufeff") continue;
      if (state === "before") {
        if (c !== "[")
          throw new InputError({ file }, "expected a JSON array (first character '[')");
        state = "between";
        expectComma = false;
      } else if (state === "between") {
        if (c === "]") {
          state = "after";
        } else if (expectComma) {
          if (c !== ",")
            throw new InputError({ file, record: index }, `expected ',' or ']', got '${c}'`);
          expectComma = false;
        } else {
          if (c !== "{") {
            throw new InputError({ file, record: index }, `expected an object, got '${c}'`);
          }
          state = "inside";
          start = i;
          depth = 1;
          inString = false;
          escaped = false;
        }
      } else {
        throw new InputError({ file }, `unexpected '${c}' after the end of the array`);
      }
    }
    if (state === "inside") parts.push(chunk.slice(start));
  }
  if ((state as string) !== "after") {
    throw new InputError({ file, record: index }, "the JSON array is not closed (file truncated?)");
  }
}

function parseElement(file: string, index: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError({ file, record: index }, `bad JSON: ${(err as Error).message}`);
  }
}
