import { readFileSync } from "node:fs";
import { InputError } from "../errors/index";
import { parseSpecYaml } from "./parse-spec-yaml";

/**
 * A spec file's parsed content: JSON for `.json`, else YAML read as PyYAML reads it. A file
 * that cannot be read or parsed is an InputError naming it.
 */
export function readSpecFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError({ file: path }, `cannot read the spec: ${(e as Error).message}`);
  }
  const json = path.endsWith(".json");
  try {
    return json ? JSON.parse(text) : parseSpecYaml(text);
  } catch (e) {
    throw new InputError(
      { file: path },
      `not valid ${json ? "JSON" : "YAML"}: ${(e as Error).message}`,
    );
  }
}
