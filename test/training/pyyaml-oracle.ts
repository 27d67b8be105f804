// PyYAML (Debian's python3-yaml under /usr/bin/python3) as the oracle for rendered YAML:
// LLaMA-Factory reads its config with PyYAML through HfArgumentParser.parse_yaml_file.
import { execFileSync } from "node:child_process";

export const DEBIAN_PYTHON = "/usr/bin/python3";

/** Each top-level key → [Python type name, value as JSON], as yaml.safe_load sees the text. */
export function pyyamlTyped(text: string): Record<string, [string, unknown]> {
  const code = `
import json, sys, yaml
d = yaml.safe_load(sys.stdin.read())
print(json.dumps({k: [type(v).__name__, v] for k, v in d.items()}))
`;
  return JSON.parse(execFileSync(DEBIAN_PYTHON, ["-c", code], { input: text, encoding: "utf8" }));
}

/** Runs a Python snippet under /usr/bin/python3 with stdin, returns parsed JSON stdout. */
export function debianPythonJson<T>(code: string, input = ""): T {
  return JSON.parse(
    execFileSync(DEBIAN_PYTHON, ["-c", code], { input, encoding: "utf8", maxBuffer: 1 << 26 }),
  );
}
