/**
 * Spec files (a shared floor): YAML read as PyYAML reads it, JSON, and a field-by-field
 * reader whose errors name the file and the field path. Mix specs and training specs are
 * read through here.
 */
export { parseSpecYaml } from "./parse-spec-yaml";
export { readSpecFile } from "./read-spec-file";
export {
  SpecReader,
  describeSpecValue,
  describeTypedSpecValue,
  type NumberRange,
  type Obj,
} from "./spec-reader";
