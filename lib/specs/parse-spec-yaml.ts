/**
 * YAML as PyYAML's `yaml.safe_load` reads it (YAML 1.1), so a spec means to the kit what it
 * means to the Python tools that read the same file (LLaMA-Factory reads its configs with
 * PyYAML). The `yaml` package in 1.1 mode is close; three of its scalar rules differ from
 * PyYAML's resolver (yaml/resolver.py) and are replaced here:
 * - booleans: PyYAML takes yes/no/true/false/on/off (three casings each), never y/n/Y/N;
 * - floats: PyYAML needs a dot (`1e3` is a string, `1.0e+3` a float) and a signed exponent;
 * - decimal integers: no leading zero (`09` is a string; `017` is octal 15).
 * Timestamps stay strings: no spec field takes a date, and a Date object would not be one.
 */
import type * as Yaml from "yaml";

const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const PY_DECIMAL = /^[-+]?(?:0|[1-9][0-9_]*)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)$/;

type Tag = {
  tag: string;
  format?: string;
  test?: RegExp;
  default?: boolean;
  resolve: (source: string) => unknown;
};

const pyBool: Tag[] = [
  { tag: "tag:yaml.org,2002:bool", default: true, test: PY_TRUE, resolve: () => true },
  { tag: "tag:yaml.org,2002:bool", default: true, test: PY_FALSE, resolve: () => false },
];
const pyDecimal: Tag = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  test: PY_DECIMAL,
  // An integer has no sign of zero: "-0" is 0, as in Python.
  resolve: (s) => Number.parseInt(s.replace(/_/g, ""), 10) || 0,
};
const pyFloat: Tag = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  test: PY_FLOAT,
  resolve: (s) => Number.parseFloat(s.replace(/_/g, "")),
};

function pythonTags(tags: unknown[]): unknown[] {
  const kept = (tags as Tag[]).filter((t) => {
    if (t.tag === "tag:yaml.org,2002:timestamp") return false;
    if (t.tag === "tag:yaml.org,2002:bool") return false;
    // The plain decimal int and the plain/exponent floats are PyYAML's own below; the
    // binary, octal, hex and sexagesimal forms and .inf/.nan are kept as the package has them.
    if (t.tag === "tag:yaml.org,2002:int" && !t.format) return false;
    if (
      t.tag === "tag:yaml.org,2002:float" &&
      (t.format === "EXP" || (!t.format && !t.test?.source.includes("inf")))
    )
      return false;
    return true;
  });
  return [...pyBool, pyDecimal, pyFloat, ...kept];
}

/** Parses YAML text as PyYAML's safe_load does (throws the yaml package's error). */
export function parseSpecYaml(text: string): unknown {
  // yaml loads with the first spec read, not with the library.
  const { parse } = require("yaml") as typeof Yaml;
  return parse(text, { version: "1.1", customTags: pythonTags as never });
}
