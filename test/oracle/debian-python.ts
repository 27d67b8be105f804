// Debian's CPython (/usr/bin/python3) as an oracle: it has the Debian packages the tests
// read from (python3-yaml, python3-numpy, python3-mpmath, python3-torch, python3-av,
// python3-pil); the pyenv python3 first on PATH has none of them.
import { execFileSync } from "node:child_process";

export const DEBIAN_PYTHON = "/usr/bin/python3";

/** Runs `code` under Debian's python3 with `input` on stdin and parses stdout as JSON. */
export function debianPythonJson<T = unknown>(code: string, input = ""): T {
  const out = execFileSync(DEBIAN_PYTHON, ["-c", code], {
    input,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out) as T;
}

/**
 * Each top-level key → [Python type name, value as JSON], as PyYAML's safe_load sees the
 * text (LLaMA-Factory reads its config with PyYAML through HfArgumentParser.parse_yaml_file).
 */
export function pyyamlTyped(text: string): Record<string, [string, unknown]> {
  return debianPythonJson(
    `
import json, sys, yaml
d = yaml.safe_load(sys.stdin.read())
print(json.dumps({k: [type(v).__name__, v] for k, v in d.items()}))
`,
    text,
  );
}

/**
 * Fails (never skips) unless Debian's python3 imports torch: python3-torch (1.13, a Makefile
 * dependency) is the oracle of the probes, so a test that needs it cannot pass without it.
 */
export function requireTorch(): void {
  try {
    execFileSync(DEBIAN_PYTHON, ["-c", "import torch"], { stdio: "ignore" });
  } catch {
    throw new Error(
      `${DEBIAN_PYTHON} cannot import torch: install Debian's python3-torch (make deps does)`,
    );
  }
}
